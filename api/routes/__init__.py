"""The REST API's routers: reads, exports, documents (posting) and writes (reviews), plus the dashboard."""
