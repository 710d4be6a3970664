"""Retry policy: a call that creates something is only retried when Slack surely did not
process it."""

from __future__ import annotations

from aiohttp import ClientConnectorError, ServerDisconnectedError
from aiohttp.client_reqrep import ConnectionKey
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from adapters.slack.retries import (
    SafeConnectionErrorRetryHandler,
    SafeServerErrorRetryHandler,
    api_method,
)


def _request(method: str) -> HttpRequest:
    return HttpRequest(method="POST", url=f"https://slack.com/api/{method}", headers={})


def _refused() -> ClientConnectorError:
    key = ConnectionKey("slack.com", 443, True, None, None, None, None)
    return ClientConnectorError(key, OSError(111, "Connection refused"))


def test_api_method_from_url() -> None:
    assert api_method("https://slack.com/api/chat.postMessage?x=1") == "chat.postMessage"
    assert api_method("http://127.0.0.1:1/api/chat.update/") == "chat.update"


async def test_connection_errors() -> None:
    handler = SafeConnectionErrorRetryHandler(max_retry_count=2)

    async def retries(method: str, error: Exception) -> bool:
        return await handler.can_retry_async(state=RetryState(), request=_request(method),
                                             error=error)

    assert await retries("chat.postMessage", _refused())
    assert not await retries("chat.postMessage", ServerDisconnectedError())
    assert await retries("chat.update", ServerDisconnectedError())
    assert await retries("users.info", ServerDisconnectedError())


async def test_server_errors() -> None:
    handler = SafeServerErrorRetryHandler(max_retry_count=2)

    async def retries(method: str, status: int) -> bool:
        response = HttpResponse(status_code=status, headers={}, body={"ok": False})
        return await handler.can_retry_async(state=RetryState(), request=_request(method),
                                             response=response)

    assert await retries("chat.postMessage", 503)
    assert not await retries("chat.postMessage", 500)
    assert not await retries("files.completeUploadExternal", 500)
    assert await retries("chat.update", 500)
    assert not await retries("chat.update", 502)
