"""The bot's one HTTP server (aiohttp), on when `[web]` is configured: routes contributed by
features (`bot.app.WEB_ROUTES`, e.g. calendar feeds) and by adapters (Slack's HTTP mode).
Platform-free, like the rest of bot/; imported only when the server is on."""
