"""Configuration, from ``BENCHCLAIMS_*`` environment variables or a ``.env`` file.

Lives with the types because every layer reads it (the LLM backend, the warehouse path,
the API's key) and ``schemas`` is the one package all of them may import.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """All knobs in one place; secrets only ever come from the environment."""

    model_config = SettingsConfigDict(env_prefix="BENCHCLAIMS_", env_file=".env", extra="ignore")

    db: str = Field(default="warehouse/benchclaims.duckdb", description="DuckDB file of the warehouse.")
    max_file_bytes: int = Field(default=20_000_000, description="Files larger than this are refused by name.")

    llm_base_url: str = Field(default="http://127.0.0.1:8001/v1", description="OpenAI-compatible server, e.g. vLLM.")
    llm_model: str = Field(default="Qwen/Qwen2.5-7B-Instruct")
    llm_api_key: SecretStr = Field(default=SecretStr("EMPTY"))
    llm_concurrency: int = Field(default=32, ge=1)
    llm_timeout: float = Field(default=60.0, gt=0)
    llm_retries: int = Field(default=3, ge=0)
    llm_mode: Literal["tools", "json_schema"] = Field(
        default="json_schema",
        description="How the claim schema is enforced: response_format json_schema (vLLM structured outputs; "
                    "the schema stays out of the prompt), or a named tool call (the schema is rendered into every prompt).",
    )
    llm_chat_template_kwargs: dict[str, Any] | None = Field(
        default=None,
        description='Sent as chat_template_kwargs with every request, e.g. {"enable_thinking": false} for Qwen3 '
                    "thinking models (JSON in the environment variable).",
    )
    llm_max_tokens: int = Field(default=4096, ge=64, description="max_tokens of every request (the answer's budget).")
    llm_pack_sections: bool = Field(default=True, description="Send several small sections in one request.")
    llm_max_model_len: int = Field(default=16384, ge=1024,
                                   description="The server's context length (vLLM --max-model-len): chunks are sized to fit.")

    api_key: SecretStr | None = Field(default=None, description="Key for the REST write endpoints; writes are refused when unset.")
    cors_origins: list[str] = Field(default_factory=list)
    max_page_size: int = Field(default=500, ge=1)
    max_request_bytes: int = Field(default=5_000_000, ge=1)


def get_settings() -> Settings:
    """Read the configuration now (not at import time, so tests can set the environment)."""
    return Settings()
