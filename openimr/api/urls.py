from openimr.api import (
    applications,
    authorizations,
    decisions,
    documents,
    errors,
    review,
    status,
)
from openimr.api.auth import StaffSessionAuth, TokenAuth
from openimr.api.openapi import DocumentedAPI

api = DocumentedAPI(
    title="openimr API",
    version="1",
    description="Independent Medical Review: applications, cases and decisions. Errors share one "
    'shape: {"error": {"code", "message", "fields": [{"path", "message"}]}}.',
    auth=[TokenAuth(), StaffSessionAuth()],
    urls_namespace="api",
    docs_url="/docs",
    parser=errors.JsonBodyParser(),
)
errors.install(api)
api.add_router("/", applications.router)
api.add_router("/", documents.router)
api.add_router("/", authorizations.router)
api.add_router("/", status.router)
api.add_router("/", review.router)
api.add_router("/", decisions.router)
