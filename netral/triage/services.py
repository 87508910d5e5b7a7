"""Public functions of the triage app: classify reports into suggestions.

`classify_texts(records)` is what `netral triage classify`, the benchmark and (later) the case
workspace call. Each record is {"id", "text", optional "reported_on"}; each result is the
documented contract line {"id", "group", "item", "confidence", "top3", "entities"} plus
"item_basis" (how the item was chosen), "election" and "model_version". A suggestion, never a
decision: a supervisor accepts or corrects it.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable
from typing import Any

from netral.triage.items import choose_item
from netral.triage.preprocess import preprocess
from netral.triage.training import current_model

EMPTY_ENTITIES: dict[str, Any] = {
    "regions": [],
    "employment": "unknown",
    "nips": [],
    "names": [],
    "positions": [],
    "dates": [],
    "candidates": [],
    "urls": [],
}

# Lower the item's confidence when its timing came from cue words or could not be found.
ITEM_CONFIDENCE_FACTOR = {"date": 1.0, "fixed": 1.0, "cue": 0.7, "unknown": 0.4, "none": 1.0}


def _load_extractor() -> Callable[..., dict[str, Any]] | None:
    try:
        from netral.triage.entities import extract
    except ImportError:
        return None
    return extract


def extract_entities(text: str, reported_on: dt.date | None) -> dict[str, Any]:
    """Entities from helper module `entities.extract`, or the empty shape when it is not there."""
    extractor = _load_extractor()
    if extractor is None:
        return {
            key: list(value) if isinstance(value, list) else value for key, value in EMPTY_ENTITIES.items()
        }
    return extractor(text, reported_on)


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _event_date(entities: dict[str, Any], reported_on: dt.date | None) -> dt.date | None:
    for value in entities.get("dates") or []:
        day = parse_date(value)
        if day is not None and (reported_on is None or day <= reported_on):
            return day
    return reported_on


def classify_texts(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Suggestions for a batch of records (batching makes the vectorisers much faster)."""
    version, model = current_model()
    # The batch allocates many short-lived containers (entities); the cyclic garbage collector
    # would walk the process's long-lived tables many times per batch for nothing, so it waits
    # until the batch is done (it is switched back on only if it was on).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _classify_batch(records, version.version, model)
    finally:
        if collecting:
            gc.enable()


def _classify_batch(records: list[dict[str, Any]], version: str, model: Any) -> list[dict[str, Any]]:
    texts = [str(record["text"]) for record in records]
    views = [preprocess(text) for text in texts]
    ranked = model.top_views(views, k=3)
    extract = _load_extractor() or extract_entities
    dates: dict[str, dt.date | None] = {}  # reported_on strings repeat within a batch
    results = []
    for record, text, (normal, _stemmed), top3 in zip(records, texts, views, ranked, strict=True):
        raw_date = record.get("reported_on")
        if isinstance(raw_date, str):
            if raw_date not in dates:
                dates[raw_date] = parse_date(raw_date)
            reported_on = dates[raw_date]
        else:
            reported_on = parse_date(raw_date)
        entities = extract(text, reported_on)
        group, confidence = top3[0]
        choice = choose_item(group, text.lower() + " \n " + normal, _event_date(entities, reported_on))
        results.append(
            {
                "id": record.get("id"),
                "group": group,
                "item": choice.item,
                "confidence": confidence,
                "top3": [[name, probability] for name, probability in top3],
                "entities": entities,
                "item_basis": choice.basis,
                "item_confidence": round(confidence * ITEM_CONFIDENCE_FACTOR[choice.basis], 4),
                "election": choice.election,
                "model_version": version,
            }
        )
    return results


def classify_text(text: str, reported_on: dt.date | None = None) -> dict[str, Any]:
    """One suggestion (for the case workspace)."""
    record: dict[str, Any] = {"id": None, "text": text, "reported_on": reported_on}
    return classify_texts([record])[0]
