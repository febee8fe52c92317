"""The HTTP API and dashboard: one FastAPI app over a store, opened read-only unless the
server has a token, which enables ``POST /api/articles`` (``write.py``).

Every page has a JSON twin (``/articles/{id}`` and ``/articles/{id}.json``); the JSON routes
are the API and are listed in the OpenAPI schema at ``/openapi.json`` (browsable at
``/docs``). FastAPI and uvicorn are imported only here, so the rest of newsprism works
without them.
"""

from __future__ import annotations

from .app import ServerOptions, create_app, serve

__all__ = ["ServerOptions", "create_app", "serve"]
