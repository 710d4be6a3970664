"""A submitted modal is settled by the output the core sends `answering` it, with no
context variable (issue #15): once the core has posted for that submission, the modal is
closed, so a later verdict can no longer be shown inline in the ack."""

from __future__ import annotations

import json

from slack_harness import eventually, harness

from bot.types import CommandInvoked, Form, FormField, FormSubmitted, Inbound, Outgoing, Text

FORM = Form("propose", "Propose a meetup", (FormField("title", "Title"),))


async def test_a_post_answering_a_submission_closes_its_modal() -> None:
    async with harness() as h:
        h.adapter.form_verdict_seconds = 30.0  # the ack waits for the core's verdict

        async def behaviour(event: Inbound) -> None:
            if isinstance(event, CommandInvoked):
                await h.adapter.open_form(event, FORM)
            elif isinstance(event, FormSubmitted):
                await h.adapter.post(event.place, Outgoing(body=(Text("card"),)),
                                     answering=event)
                await h.adapter.reject_form(event, {"title": "Too late to say inline."})

        h.inbox.behaviour = behaviour
        await h.driver.slash("propose")
        await h.fake.wait_for(lambda: len(h.fake.views) == 1)
        reply = await h.driver.submit(h.fake.views[0], {"title": "Coffee"})
        assert (reply.status, reply.text) == (200, "")  # closed by the post, no inline errors
        await eventually(lambda: any("Too late to say inline" in json.dumps(e)
                                     for e in h.fake.ephemerals))
