"""A submitted modal is settled by the output the core sends `answering` it, with no
context variable (issue #15): once the core has posted for that submission, the modal is
closed, so a later verdict can no longer be shown inline in the ack."""

from __future__ import annotations

import json

from bot.types import CommandInvoked, Form, FormField, FormSubmitted, Inbound, Outgoing, Text
from tests.slack.slack_harness import slack_wire
from tests.support import eventually

FORM = Form("propose", "Propose a meetup", (FormField("title", "Title"),))


async def test_a_post_answering_a_submission_closes_its_modal() -> None:
    async with slack_wire() as slack:
        slack.adapter.form_verdict_seconds = 30.0  # the ack waits for the core's verdict

        async def react(event: Inbound) -> None:
            if isinstance(event, CommandInvoked):
                await slack.adapter.open_form(event, FORM)
            elif isinstance(event, FormSubmitted):
                await slack.adapter.post(event.place, Outgoing(body=(Text("card"),)),
                                         answering=event)
                await slack.adapter.reject_form(event, {"title": "Too late to say inline."})

        slack.inbox.react = react
        await slack.driver.slash("propose")
        await slack.fake.wait_for(lambda: len(slack.fake.views) == 1)
        reply = await slack.driver.submit(slack.fake.views[0], {"title": "Coffee"})
        assert (reply.status, reply.text) == (200, "")  # closed by the post, no inline errors
        await eventually(lambda: any("Too late to say inline" in json.dumps(e)
                                     for e in slack.fake.ephemerals))
