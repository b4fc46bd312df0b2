"""The HTTP API and the dashboard: `create_app` builds the app, `serve` runs it on uvicorn."""

from bilan.api.app import MAX_BODY, create_app, serve

__all__ = ["MAX_BODY", "create_app", "serve"]
