"""`/meetup help`: every command with an example, built from the command table."""

from __future__ import annotations

from collections.abc import Mapping

from bot import actions
from bot.commands import COMMANDS
from bot.handlers.context import Ctx
from bot.handlers.feature import Feature
from bot.types import Bold, Button, Outgoing, Segment, Text


def help_message() -> Outgoing:
    body: list[Segment] = [
        Text(
            "Tweetup turns this community into meetups: propose one (or a date poll), RSVP "
            "with the buttons, and get a reminder before it starts. Your location is never "
            "shown without your consent. First meetup? Click It's my first one after Going: "
            "you'll hear what to expect, and can ask for someone to meet you at the door.\n"
        ),
    ]
    for spec in COMMANDS:
        admin = " (admins)" if spec.admin_only else ""
        body += [
            Text("\n"),
            Bold(f"/meetup {spec.name}"),
            Text(f"{admin}: {spec.description}. Example: {spec.example}"),
        ]
    body.append(
        Text(
            "\n\nOptions are name:value; put values with spaces in double quotes. "
            'Times like "next friday 7pm", "Dec 5 19:00" or "tomorrow noon" are read '
            'in the meetup city\'s time zone and shown with it ("Fri 11 Jan 19:00 PST"); '
            "online meetups (city:online, venue: a link) and commands without a city use the "
            "community's time zone (/meetup settings timezone:). A repeating meetup: add "
            'repeat:"every first thursday" (or "weekly", "every 2 weeks", "monthly on the '
            '15th", "every last friday") to /meetup propose; /meetup series id: skips, edits '
            "or ends it. Admins can give every meetup a public page to share outside the "
            "chat: /meetup settings public-pages:on invite:https://... (the link the page "
            "offers to join)."
        )
    )
    return Outgoing(
        title="Tweetup help",
        body=tuple(body),
        ephemeral=True,
        buttons=(Button("Propose a meetup", actions.encode("propose"), "primary"),),
    )


async def show_help(ctx: Ctx, options: Mapping[str, str]) -> None:
    await ctx.reply(help_message())


FEATURE = Feature("help", commands={"help": show_help})
