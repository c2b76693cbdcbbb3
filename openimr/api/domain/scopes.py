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
# Scopes that came after tokens were first made: a token made before lacks them (its scopes
# are what it was granted; none is widened by an upgrade), and a refusal says why.
ADDED_LATER = {"authorizations:write": "authorization reports"}


def missing_scope_message(scope: str, operation: str) -> str:
    """What a token refused for want of ``scope`` is told: the scope, the operation that needs
    it, and how to get one that has it."""
    said = f"this token lacks the scope {scope}, which {operation} needs"
    if scope in ADDED_LATER:
        said += (
            f"; tokens made before the API took {ADDED_LATER[scope]} do not have it, and no "
            "upgrade widens a token"
        )
    return said + ": ask the IMR organization for a new token with that scope"
