"""`/meetup calendar`: a member's secret calendar feed addresses, by DM, with a reset button.

Two feeds per community: the member's own (the meetups they are going to) and the community's
(every upcoming meetup). bot/web/feeds.py serves them; this feature hands out and revokes the
addresses. Without a web server ([web] base_url) there are no feeds, and the reply says so.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot import actions
from bot.actions import Action
from bot.domain.community import Community
from bot.domain.feeds import feed_url, webcal_url
from bot.domain.refusal import Refusal
from bot.handlers.context import Ctx, Services
from bot.handlers.feature import Feature
from bot.ports import DMClosed
from bot.render import prose
from bot.store.feeds import COMMUNITY_FEED
from bot.types import Bold, Button, Outgoing, Segment, Text

MINE, COMMUNITY = "mine", "community"
FEEDS_OFF = (
    "Calendar feeds are not switched on for this bot: whoever runs it adds a [web] section "
    "with its public address to the config (docs/operations.md). Meanwhile the Add to "
    "calendar button on a meetup's card gives you a file for that meetup."
)


def _base_url(ctx: Ctx) -> str:
    base = ctx.services.web_base_url
    if base is None:
        raise Refusal(FEEDS_OFF)
    return base


async def calendar(ctx: Ctx, options: Mapping[str, str]) -> None:
    base = _base_url(ctx)
    reset = options.get("reset", "").strip().lower()
    if reset not in ("", MINE, COMMUNITY):
        raise Refusal(
            f"reset: takes {MINE} or {COMMUNITY}, e.g. `/meetup calendar reset:{MINE}`."
        )
    if reset == COMMUNITY and not ctx.is_admin:
        raise Refusal(
            "Only admins can reset the community's calendar link. Yours: "
            f"`/meetup calendar reset:{MINE}`."
        )
    await ctx.member()
    now = ctx.now()
    if reset:
        owner = ctx.user.id if reset == MINE else COMMUNITY_FEED
        await ctx.store.reset_feed_token(ctx.community.id, owner, now)
    mine = await ctx.store.feed_token(ctx.community.id, ctx.user.id, now)
    shared = await ctx.store.feed_token(ctx.community.id, COMMUNITY_FEED, now)
    note = {MINE: "Your old link no longer works. ", COMMUNITY: "The old community link no "
            "longer works; tell the members to run `/meetup calendar` again. "}.get(reset, "")
    links = links_message(ctx.community, base, mine, shared, note)
    try:
        await ctx.services.outbox.dm(ctx.user, links)
    except DMClosed:
        # Only they see an ephemeral reply, so the links may go there instead.
        await ctx.reply(
            Outgoing(
                body=(Text("Your DMs are closed, so here they are (only you see this).\n\n"),
                      *links.body),
                buttons=links.buttons,
                ephemeral=True,
            )
        )
        return
    await ctx.reply(
        Outgoing(body=prose(note + "I sent you your calendar links by DM."), ephemeral=True)
    )


def links_message(
    community: Community, base: str, mine: str, shared: str, note: str = ""
) -> Outgoing:
    """The DM: both feeds as webcal:// (Apple Calendar, Outlook: subscribe) and https://
    (Google Calendar: Other calendars > From URL), and the reset button."""
    own, everyone = feed_url(base, mine), feed_url(base, shared)
    body: list[Segment] = [*prose(note)] if note else []
    body += [
        Bold("The meetups you're going to"),
        Text(f"\nSubscribe: {webcal_url(own)}\nor add by URL: {own}\n\n"),
        Bold("Every upcoming meetup here"),
        Text(f"\nSubscribe: {webcal_url(everyone)}\nor add by URL: {everyone}\n\n"),
        Text(
            "Your calendar app follows these: new meetups, edits and cancellations show up "
            "by themselves. Your link is private (anyone who has it sees the meetups you're "
            "going to): if it leaked, reset it, and the old one stops working at once."
        ),
    ]
    return Outgoing(
        title="Your Tweetup calendar",
        body=tuple(body),
        buttons=(Button("Reset my link", actions.encode("calreset", community.id), "danger"),),
        ephemeral=True,
    )


async def reset_button(ctx: Ctx, action: Action) -> None:
    """Reset my link (from the DM): revoke this member's feed address and send the new one."""
    base = _base_url(ctx)
    if action.int_arg(0) != ctx.community.id:
        raise Refusal("That button is for another community's calendar. Type "
                      "`/meetup calendar reset:mine` there.")
    now = ctx.now()
    mine = await ctx.store.reset_feed_token(ctx.community.id, ctx.user.id, now)
    shared = await ctx.store.feed_token(ctx.community.id, COMMUNITY_FEED, now)
    await ctx.reply(links_message(ctx.community, base, mine, shared,
                                  "Your old link no longer works. Here is the new one.\n\n"))


async def own_feed(services: Services, action: Action, user_id: str) -> Community | None:
    """A reset clicked in a DM outside the community (Discord): the community the button
    names, if this member has a feed there (a forged id resets nobody else's)."""
    community_id = action.int_arg(0)
    if not await services.store.has_feed(community_id, user_id):
        return None
    return await services.store.community_by_id(community_id)


FEATURE = Feature(
    "feeds",
    commands={"calendar": calendar},
    actions={"calreset": reset_button},
    direct_actions={"calreset": own_feed},
)
