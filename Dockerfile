FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    TWEETUP_DATABASE_URL=sqlite+aiosqlite:////data/tweetup.db

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY adapters ./adapters
RUN pip install --no-cache-dir ".[postgres]" \
    && useradd --create-home --uid 10001 tweetup \
    && mkdir /data && chown tweetup /data

USER tweetup
VOLUME ["/data"]
ENTRYPOINT ["tweetup"]
CMD ["run"]
