"""Routes: each view is one function returning plain data, served twice, as JSON (the API,
``/x.json`` or ``?format=json``) and as an HTML page rendered with Jinja2; and one write
route, ``POST /api/articles`` (``write.py``), enabled only when the server has a token.

The store is opened read-only unless writes are enabled; then this process is the file's one
writer, and the writes run one at a time on the writer's thread. Each request reads on its
own DuckDB cursor, in one transaction, so a page and its total come from the same snapshot
even while a POST writes. Every query is parameterised (all SQL lives in
``newsprism.store.queries``).

Limits: ``limit`` at most ``MAX_PAGE`` and ``offset`` at most ``MAX_OFFSET``; each text
parameter at most ``MAX_PARAM`` characters (``q`` at most ``MAX_QUERY``); a request body at
most ``MAX_BODY_BYTES`` (413); at most ``MAX_ARTICLES`` articles a POST. Bad input gets a 4xx
with a JSON ``detail``.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Body, Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..corpus.search import QueryError, SearchIndex, SearchOptions, index_path
from ..stages import DEFAULT_STAGES
from ..store import Store
from ..store import queries as q
from . import charts
from .highlight import highlight
from .limits import MAX_BODY_BYTES, BodyLimit
from .write import MAX_ARTICLES, ArticleIn, ArticlesIn, Writer, WriteResult, token_matches

HERE = Path(__file__).parent
MAX_PAGE = 100
MAX_OFFSET = 1_000_000_000  # DuckDB's OFFSET is a signed 64-bit integer: keep well inside
MAX_PARAM = 200  # characters in a text parameter (a name, a source, an id)
MAX_QUERY = 500  # characters in a search query
DAY = r"^\d{4}-\d{2}-\d{2}$"


@dataclass(frozen=True, slots=True)
class ServerOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    max_page: int = MAX_PAGE
    token: str | None = None  # enables POST /api/articles (and opens the store read-write)
    stages: tuple[str, ...] = DEFAULT_STAGES  # what posted articles are analysed with
    article_timeout_s: float | None = 30.0


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size, at most {MAX_PAGE}")]
Offset = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description=f"rows to skip, at most {MAX_OFFSET:,}")
]
Side = Literal["for", "against", "neither"]
Format = Annotated[Literal["html", "json"] | None, Query(description="json for the JSON twin")]
Text = Annotated[str | None, Query(max_length=MAX_PARAM)]
Id = Annotated[str, PathParam(max_length=MAX_PARAM)]
IssueText = Annotated[str, PathParam(max_length=MAX_QUERY)]
Posted = Annotated[ArticlesIn, Body(description=f"an article, or a list of 1 to {MAX_ARTICLES}")]


class Detail(BaseModel):
    """A 4xx answer: what was wrong with the request."""

    detail: str


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Detail, "description": "a value that cannot be used (an impossible date)"},
    404: {"model": Detail, "description": "no such item"},
}


@dataclass(frozen=True, slots=True)
class Filters:
    """The article filters, as query parameters."""

    source: Text = None
    date_from: Annotated[str | None, Query(pattern=DAY)] = None
    date_to: Annotated[str | None, Query(pattern=DAY)] = None
    entity: Text = None
    speaker: Text = None
    side: Side | None = None
    story: Text = None

    def filter(self) -> q.ArticleFilter:
        for d in (self.date_from, self.date_to):
            if d:
                try:
                    date.fromisoformat(d)
                except ValueError as e:
                    raise HTTPException(400, f"{d!r} is not a date (YYYY-MM-DD)") from e
        return q.ArticleFilter(self.source, self.date_from, self.date_to, self.entity,
                               self.speaker, self.side, self.story)  # fmt: skip


FilterParams = Annotated[Filters, Depends()]


def cursor(request: Request) -> Iterator[q.Con]:
    """A request's own cursor on the store (DuckDB connections are not shared between threads),
    reading in one transaction: one snapshot, whatever a concurrent write commits meanwhile."""
    cur = request.app.state.store.con.cursor()
    try:
        cur.execute("BEGIN TRANSACTION")
        yield cur
    finally:
        cur.close()  # the transaction, read-only, is rolled back


bearer = HTTPBearer(auto_error=False, description="the token given to `newsprism serve`")


def writer(
    request: Request, auth: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> Writer:
    """The server's writer, for a request that carries the server's token."""
    w: Writer | None = request.app.state.writer
    if w is None:
        raise HTTPException(403, "writes are disabled: start `newsprism serve` with "
                                 "--token-file FILE or NEWSPRISM_API_TOKEN set")  # fmt: skip
    if not token_matches(auth.credentials if auth else None, request.app.state.token):
        raise HTTPException(401, "a valid token is needed: send `Authorization: Bearer <token>`",
                            headers={"WWW-Authenticate": "Bearer"})  # fmt: skip
    return w


Cur = Annotated[q.Con, Depends(cursor)]


def create_app(db: str, options: ServerOptions | None = None) -> FastAPI:
    """The app over one DuckDB file (read-only unless ``options.token`` enables writes; its
    search index, when built, read-only)."""
    options = options or ServerOptions()
    if options.token:
        store = Store(db)
        write: Writer | None = Writer(store.cursor(), options.stages, options.article_timeout_s)
    else:
        store, write = Store(db, read_only=True), None
    try:
        index: SearchIndex | None = SearchIndex(index_path(db), read_only=True)
    except FileNotFoundError:
        index = None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if write is not None:
            write.close()
        store.close()
        if index is not None:
            index.close()

    app = FastAPI(title="newsprism", version="1", lifespan=lifespan,
                  description="The corpus of a newsprism store: articles, entities, quotes, issues "
                              "and sides, stories, duplicates and search. Every page has a JSON twin.")  # fmt: skip
    app.state.store, app.state.index = store, index
    app.state.writer, app.state.token = write, options.token
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.filters["tojson_attr"] = lambda v: escape(_json(v))

    def twin(path: str, template: str, summary: str) -> Callable[[Callable[..., Any]], Any]:
        """Register a view at ``path`` (HTML, or JSON with ?format=json) and ``path.json``."""

        def register(view: Callable[..., dict[str, Any]]) -> Any:
            json_path = "/overview.json" if path == "/" else f"{path}.json"

            def as_json(data: dict[str, Any]) -> JSONResponse:
                return JSONResponse(
                    jsonable_encoder({k: v for k, v in data.items() if k != "charts"})
                )

            # Depends(view) as a default: the view is local, so an Annotated string
            # annotation (from __future__ annotations) could not be resolved by FastAPI
            async def json_route(data: dict[str, Any] = Depends(view)) -> Response:  # noqa: B008
                return as_json(data)

            async def html_route(
                request: Request,
                data: dict[str, Any] = Depends(view),  # noqa: B008
                format: Format = None,
            ) -> Response:
                if format == "json":
                    return as_json(data)
                return templates.TemplateResponse(
                    request, template, {**data, "json_path": _json_link(request, json_path)}
                )

            errors: dict[int | str, dict[str, Any]] = {400: ERRORS[400]}
            if "{" in path:  # one item, which may not exist
                errors[404] = ERRORS[404]
            app.get(json_path, summary=summary, tags=["api"], responses=errors)(json_route)
            app.get(path, response_class=HTMLResponse, include_in_schema=False)(html_route)
            return view

        return register

    def page(rows: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
        return {"items": rows, "total": total, "limit": limit, "offset": offset,
                "next_offset": offset + limit if offset + limit < total else None}  # fmt: skip

    @twin("/", "overview.html", "The corpus at a glance")
    def overview(con: Cur) -> dict[str, Any]:
        data = q.overview(con)
        data["search_index"] = index is not None
        data["charts"] = {"per_day": charts.per_day_by(data["articles_per_day"], "articles", "source", "articles"),
                          "sources": charts.bars(data["sources"], "source", "articles")}  # fmt: skip
        return data

    @twin("/articles", "articles.html", "Articles, filtered and paged")
    def articles(
        con: Cur, f: FilterParams, limit: Limit = 20, offset: Offset = 0
    ) -> dict[str, Any]:
        rows, total = q.list_articles(con, f.filter(), limit, offset)
        return {
            **page(rows, total, limit, offset),
            "filters": _asdict(f),
            "sources": q.sources(con),
        }

    @twin(
        "/articles/{article_id}",
        "article.html",
        "One article: its analysis, copies, story and places",
    )
    def article(article_id: Id, con: Cur) -> dict[str, Any]:
        found = Store.get(_Borrowed(con), article_id)  # type: ignore[arg-type]
        if found is None:
            raise HTTPException(404, f"no article {article_id!r}")
        a = found["article"]
        extra = q.article_corpus(con, a["id"])
        points = (
            [{"date": a["date"], "kind": "published", "text": "publication date"}]
            if a["date"]
            else []
        )
        points += [{"date": v, "kind": "mentioned", "text": t["text"]} for t in found["dates"]
                   if (v := _day(t["value"]))]  # fmt: skip
        places = [{"name": e["place"]["name"], "lat": e["place"]["lat"], "lon": e["place"]["lon"]}
                  for e in found["entities"] if e.get("place")]  # fmt: skip
        return {**found, "corpus": extra, "places": places, "timeline": points,
                "body_html": highlight(a["body"], found["entities"], found["quotes"]),
                "charts": {"timeline": charts.timeline(points)}}  # fmt: skip

    @twin("/entities", "entities.html", "Entities, most mentioned first")
    def entities(con: Cur, limit: Limit = 20, offset: Offset = 0, name: Text = None,
                 type: Text = None) -> dict[str, Any]:  # fmt: skip
        rows, total = q.list_entities(con, name, type, limit, offset)
        return {**page(rows, total, limit, offset), "name": name, "type": type}

    @twin(
        "/entities/{entity_id}",
        "entity.html",
        "One entity: mentions over time, quotes, co-occurrences, outlets",
    )
    def entity(entity_id: Id, con: Cur) -> dict[str, Any]:
        found = q.entity(con, entity_id)
        if found is None:
            raise HTTPException(404, f"no entity {entity_id!r}")
        places = (
            [{"name": found["name"], "lat": found["lat"], "lon": found["lon"]}]
            if found["lat"] is not None
            else []
        )
        return {"entity": found, "places": places,
                "charts": {"over_time": charts.per_day_by([{**r, "kind": "mentions"} for r in found["over_time"]],
                                                          "mentions", "kind", "mentions"),
                           "outlets": charts.bars(found["outlets"], "source", "articles")}}  # fmt: skip

    @twin("/quotes", "quotes.html", "Quotes, filtered by speaker, side or article")
    def quotes(con: Cur, limit: Limit = 20, offset: Offset = 0, speaker: Text = None,
               side: Side | None = None, article: Text = None) -> dict[str, Any]:  # fmt: skip
        rows, total = q.list_quotes(con, speaker, side, article, limit, offset)
        return {
            **page(rows, total, limit, offset),
            "speaker": speaker,
            "side": side,
            "article": article,
        }

    @twin("/issues", "issues.html", "Issues, with their quotes per side")
    def issues(con: Cur, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
        rows, total = q.list_issues(con, limit, offset)
        return page(rows, total, limit, offset)

    @twin(
        "/issues/{issue_text}",
        "issue.html",
        "One issue: voices on each side, over time and by outlet",
    )
    def issue(issue_text: IssueText, con: Cur) -> dict[str, Any]:
        found = q.issue(con, issue_text)
        if found is None:
            raise HTTPException(404, f"no issue {issue_text!r}")
        return {"issue": found,
                "charts": {"over_time": charts.per_day_by(found["over_time"], "quotes", "side", "quotes"),
                           "by_outlet": charts.bars(found["by_outlet"], "source", "quotes", by="side")}}  # fmt: skip

    @twin("/stories", "stories.html", "Stories: articles about one event across outlets")
    def stories(con: Cur, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
        rows, total = q.list_stories(con, limit, offset)
        return page(rows, total, limit, offset)

    @twin("/stories/{story_id}", "story.html", "One story: its articles, dates, places and voices")
    def story(story_id: Id, con: Cur) -> dict[str, Any]:
        found = q.story(con, story_id)
        if found is None:
            raise HTTPException(404, f"no story {story_id!r}")
        points = [
            {"date": a["date"], "kind": a["source"] or "?", "text": a["title"]}
            for a in found["articles"]
        ]
        return {
            "story": found,
            "places": found["place_points"],
            "charts": {"timeline": charts.timeline(points)},
        }

    @twin("/duplicates", "duplicates.html", "Duplicate and syndicated copies, largest groups first")
    def duplicates(con: Cur, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
        rows, total = q.list_duplicates(con, limit, offset)
        return page(rows, total, limit, offset)

    @twin("/search", "search.html", "Full-text search (BM25) with filters")
    def search(con: Cur, f: FilterParams, q_: Annotated[str | None, Query(alias="q", max_length=MAX_QUERY)] = None,
               limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
        base = {"q": q_, "filters": _asdict(f), "sources": q.sources(con), "items": [], "total": 0,
                "limit": limit, "offset": offset, "next_offset": None, "note": None}  # fmt: skip
        if not q_:
            return base
        if index is None:
            return {**base, "note": "no search index yet: run `newsprism index` on this database"}
        try:
            result = index.search(
                con, q_, SearchOptions(limit=limit, offset=offset, filter=f.filter())
            )
        except QueryError as e:
            raise HTTPException(400, str(e)) from e
        meta = q.articles_by_id(con, [h.id for h in result.hits])
        items = [{**meta[h.id], "score": round(h.score, 3), "snippet": _snippet(h.opening, result.terms)}
                 for h in result.hits if h.id in meta]  # fmt: skip
        return {**base, **page(items, result.total, limit, offset), "match": result.match}

    @app.post("/api/articles", tags=["write"], summary="Analyse articles and store them",
              responses={400: {"model": Detail, "description": "a body that is not UTF-8 JSON"},
                         401: {"model": Detail, "description": "no token, or not the server's"},
                         403: {"model": Detail, "description": "writes are disabled on this server"},
                         413: {"model": Detail, "description": f"a body over {MAX_BODY_BYTES:,} bytes"}})  # fmt: skip
    async def add_articles(posted: Posted, w: Annotated[Writer, Depends(writer)]) -> WriteResult:
        """Analyse one article or a list, and store those the store does not have yet.

        Idempotent: an article already stored is reported as ``exists`` with its id. One
        that cannot be read is reported (and stored) as a problem; the others are stored.
        """
        return await w.submit([posted] if isinstance(posted, ArticleIn) else posted)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return JSONResponse({"detail": jsonable_encoder(_clear(exc.errors(), exc.body))}, 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=exc.headers)  # fmt: skip
        return templates.TemplateResponse(request, "error.html", {"status": exc.status_code, "detail": exc.detail},
                                          status_code=exc.status_code)  # fmt: skip

    return app


class _Borrowed:
    """A request's cursor in the shape ``Store.get`` reads (``self.con``)."""

    def __init__(self, con: q.Con):
        self.con = con

    def _analyses(self, where: str, params: list[Any]) -> Iterator[dict[str, Any]]:
        return Store._analyses(self, where, params)  # type: ignore[arg-type]


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return (path.endswith(".json") or path.startswith("/api/")
            or request.query_params.get("format") == "json")  # fmt: skip


def _clear(errors: Sequence[Any], body: Any) -> list[dict[str, Any]]:
    """Validation errors, each naming where and what, without echoing the (maybe large) body,
    and for a body that may be an article or a list, only the errors of the shape it has."""
    branch = "list[ArticleIn]" if isinstance(body, list) else "ArticleIn"
    out = []
    for e in errors:
        loc = list(e["loc"])
        if loc[0] == "body":
            if len(loc) > 1 and loc[1] in ("list[ArticleIn]", "ArticleIn"):
                if loc[1] != branch:
                    continue
                del loc[1]
            e = {k: v for k, v in e.items() if k != "input"}
        out.append({**e, "loc": loc})
    return out


def _json_link(request: Request, json_path: str) -> str:
    path = request.url.path
    target = json_path if path == "/" else f"{path}.json"
    return target + (f"?{request.url.query}" if request.url.query else "")


def _asdict(f: Filters) -> dict[str, Any]:
    return {k: getattr(f, k) for k in f.__dataclass_fields__}


def _day(value: str | None) -> str | None:
    """A TimeML value that names a day or a month, as an ISO date the timeline can place."""
    if value and re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value):
        return value if len(value) == 10 else f"{value}-01"
    return None


def _json(v: Any) -> str:
    import json

    return json.dumps(jsonable_encoder(v))


def _snippet(text: str, terms: tuple[str, ...], width: int = 300) -> Markup:
    """The article's opening with the searched words marked."""
    words = [t for term in terms for t in term.split()]
    text = text[:width]
    if not words:
        return Markup(escape(text))
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE)
    out, last = [], 0
    for m in pattern.finditer(text):
        out += [escape(text[last : m.start()]), Markup("<mark>{}</mark>").format(m.group(0))]
        last = m.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def serve(db: str, options: ServerOptions | None = None) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    options = options or ServerOptions()
    uvicorn.run(create_app(db, options), host=options.host, port=options.port, log_level="info")
