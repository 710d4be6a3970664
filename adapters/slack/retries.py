"""slack_sdk retry handlers that never send a message twice.

slack_sdk's built-in handlers retry connection errors and HTTP 500/503 for every method. For a
call that creates something (chat.postMessage, chat.postEphemeral, files.completeUploadExternal)
a retry after the request may have been processed could post it twice, so for those methods
only failures that prove nothing was processed are retried: the connection could not be opened,
HTTP 429 (rate limited) or 503 (refused). Idempotent calls (chat.update, users.info,
conversations.open, views.open, the file upload itself...) are retried on any of them.
"""

from __future__ import annotations

from aiohttp import ClientConnectorError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

CREATING_METHODS = frozenset({
    "chat.postMessage", "chat.postEphemeral", "chat.scheduleMessage",
    "files.completeUploadExternal",
})


def api_method(url: str) -> str:
    """`https://slack.com/api/chat.postMessage?x=1` -> `chat.postMessage`."""
    return url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]


def creates(request: HttpRequest) -> bool:
    return api_method(request.url) in CREATING_METHODS


class SafeConnectionErrorRetryHandler(AsyncConnectionErrorRetryHandler):
    """Connection errors: always retried when the connection could not even be opened; for
    methods that create something, only then."""

    async def _can_retry_async(self, *, state: RetryState, request: HttpRequest,
                               response: HttpResponse | None = None,
                               error: Exception | None = None) -> bool:
        if isinstance(error, ClientConnectorError):
            return True
        if creates(request):
            return False
        return await super()._can_retry_async(state=state, request=request, response=response,
                                              error=error)


class SafeServerErrorRetryHandler(AsyncServerErrorRetryHandler):
    """HTTP 503 (refused) is retried for every method, HTTP 500 only for idempotent ones."""

    async def _can_retry_async(self, *, state: RetryState, request: HttpRequest,
                               response: HttpResponse | None = None,
                               error: Exception | None = None) -> bool:
        if response is None:
            return False
        if response.status_code == 503:
            return True
        return response.status_code == 500 and not creates(request)
