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
    max_file_bytes: int = Field(default=20_000_000, description="Files (and downloads) larger than this are refused by name.")

    fetch_timeout: float = Field(default=30.0, gt=0, description="Seconds to connect / between bytes when fetching a URL.")
    fetch_max_redirects: int = Field(default=5, ge=0, description="Redirects followed when fetching a URL.")
    user_agent: str = Field(default="benchclaims/0.1",
                            description="User-Agent sent when fetching URLs and arXiv papers.")
    arxiv_api_url: str = Field(default="https://export.arxiv.org/api/query",
                               description="arXiv's metadata API (Atom); tests point it at a local server.")
    arxiv_url: str = Field(default="https://arxiv.org",
                           description="Where arXiv's abs/html/pdf pages are fetched from.")

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
    llm_engine: str = Field(default="http",
                            description="How the LLM backends reach the model: http (an OpenAI-compatible server), "
                                        "ray-data (Ray Data LLM, vLLM engines on the cluster's GPUs), vllm (vLLM's "
                                        "offline LLM.chat in this process), or module:factory (another offline engine).")

    api_key: SecretStr | None = Field(default=None, description="Key for the REST write endpoints; writes are refused when unset.")
    cors_origins: list[str] = Field(default_factory=list)
    max_page_size: int = Field(default=500, ge=1)
    max_request_bytes: int = Field(default=5_000_000, ge=1)
    # Limits that keep one client (or many slow ones) from tiring the server out.
    cache_max_bytes: int = Field(default=64_000_000, ge=0, description="Bound on the bytes of cached answers.")
    query_time_limit: float = Field(default=20.0, ge=0, description="Seconds a query may run before it is "
                                    "interrupted (503); 0 = no limit.")
    read_threads: int = Field(default=1, ge=0, description="DuckDB threads one read of the server may use (writes "
                              "use all); 0 = one per core.")
    max_sources: int = Field(default=100, ge=1, description="Largest sources_limit a request may ask for.")
    header_timeout: float = Field(default=10.0, gt=0, description="Seconds a connection has to send its request headers.")
    body_timeout: float = Field(default=30.0, gt=0, description="Seconds a request body may pause between chunks (408).")
    keep_alive_timeout: int = Field(default=5, ge=1, description="Seconds an idle keep-alive connection stays open.")
    max_connections: int = Field(default=200, ge=1, description="Connections (and requests) served at once; "
                                 "beyond it a request gets 503.")
    api_fetch: bool = Field(default=True, description="POST /api/documents with a url makes the server fetch it "
                                                      "(API-key holders only); false refuses such posts.")


def get_settings() -> Settings:
    """Read the configuration now (not at import time, so tests can set the environment)."""
    return Settings()
