"""The HTTP service's settings, read from `ECONCHECK_` environment variables (pydantic-settings).

One frozen value built at start-up and handed to `create_app`, so tests can build an app with any
settings without touching the process environment. Lists (`ECONCHECK_CORS_ORIGINS`,
`ECONCHECK_API_KEYS`) are written comma-separated.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

MIB = 1024 * 1024


class ApiSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ECONCHECK_", frozen=True, extra="ignore")

    max_body_bytes: int = Field(
        default=MIB, gt=0, description="largest request body accepted (413 above)"
    )
    max_text_chars: int = Field(
        default=200_000, gt=0, description="longest `text` checked (413 above)"
    )
    max_claims: int = Field(default=1000, gt=0, description="most structured claims in one request")
    time_budget_seconds: float = Field(
        default=10.0, gt=0, description="per-request time budget (503 over)"
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="origins allowed by CORS; empty: no CORS headers"
    )
    api_keys: Annotated[list[SecretStr], NoDecode] = Field(
        default_factory=list, description="when set, every /v1 request needs a Bearer key"
    )

    @field_validator("cors_origins", "api_keys", mode="before")
    @classmethod
    def _split_commas(cls, value: object) -> object:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    def key_bytes(self) -> tuple[bytes, ...]:
        """The API keys as bytes, the form `hmac.compare_digest` compares in constant time."""
        return tuple(key.get_secret_value().encode("utf-8") for key in self.api_keys)
