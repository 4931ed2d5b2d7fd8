# Written by ./lake services up superset (org.ebpmlake.superset.SupersetServer) at every start; do not edit.
# Every value comes from the environment SupersetServer starts Superset with: no secret is written here.
import os

SECRET_KEY = open(os.environ["LAKE_SUPERSET_SECRET_KEY_FILE"], encoding="utf-8").read().strip()
SQLALCHEMY_DATABASE_URI = "sqlite:///" + os.environ["LAKE_SUPERSET_METADATA"]
# Roles, users and their permissions are set through the REST API by ./lake dashboards publish.
FAB_ADD_SECURITY_API = True
# A dashboard is shown to the roles it names (the audience of its declaration), not to every role that reads a dataset.
FEATURE_FLAGS = {"DASHBOARD_RBAC": True}
RATELIMIT_STORAGE_URI = "memory://"
# Japanese first, English available.
BABEL_DEFAULT_LOCALE = "ja"
LANGUAGES = {"ja": {"flag": "jp", "name": "日本語"}, "en": {"flag": "us", "name": "English"}}
# SQL Lab runs statements in the web server (no Celery workers); Trino decides what each audience may read.
SQLLAB_TIMEOUT = 120
SUPERSET_WEBSERVER_TIMEOUT = 120
