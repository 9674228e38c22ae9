"""The HTTP API for fact-checkers: a thin FastAPI front end over the engine.

`create_app(settings)` builds the app (see `service.api.app`); `econcheck serve` runs it under
uvicorn. Contracts: DESIGN.md "HTTP"; the wire models are in `service.api.models`, every error
is mapped in `service.api.handlers`, and the limits are `service.api.settings.ApiSettings`.
"""

from service.api.app import create_app
from service.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]
