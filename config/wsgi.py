import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# Only the web server limits its statements: a migration, a backup or the worker's bulk
# writes may rightly run one statement for minutes.
from openimr.core.statement_limit import limit_web_statements  # noqa: E402

limit_web_statements()
