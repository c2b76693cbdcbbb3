"""What a client may be allowed to do: one scope per kind of operation (openimr.api.auth
maps each operation to one). Plain data, so that the `openimr` command can offer the
choices without setting Django up."""

SCOPES = (
    "applications:write",
    "applications:read",
    "documents:write",
    "documents:read",
    "review:read",
    "authorizations:write",
)
# A claims administrator's portal files applications and sends records, and reads both back,
# and reports the treatment it authorized before the determination (8 CCR 9792.10.6(a)).
CLAIMS_ADMINISTRATOR_SCOPES = (*SCOPES[:4], "authorizations:write")
