"""The shipped model files are what the training scripts make, and as good as recorded.

``quizgen/analysis/models/metrics.json`` is written by the training scripts; here the
held-out figures are recomputed from the shipped files (and must equal the record and
meet the targets), and the Indonesian tagger is retrained and compared weight for weight.
Needs the shared corpus (``../shared/corpus``), as the training scripts do.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "quizgen" / "analysis" / "models"
sys.path.insert(0, str(ROOT / "training"))

from ud import CORPUS  # noqa: E402

pytestmark = pytest.mark.skipif(not (CORPUS / "ud").is_dir(), reason="no shared corpus beside the repository")

METRICS = json.loads((MODELS / "metrics.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("lang", "target"), [("id", 0.92), ("en", 0.93)])
def test_shipped_tagger_accuracy_is_the_recorded_one(lang: str, target: float) -> None:
    from train_tagger import accuracy
    from ud import tagging_sets

    from quizgen.analysis.linear import LinearTagger, model_path

    _, test, _ = tagging_sets(lang)
    acc, n = accuracy(LinearTagger.load(model_path(lang, "upos")), test)
    record = METRICS[f"{lang}-upos"]
    assert n == record["heldout_tokens"]
    assert round(acc, 4) == record["heldout_upos_accuracy"]
    assert acc >= target


def test_shipped_entity_tagger_f1_is_the_recorded_one() -> None:
    import pycrfsuite
    from train_ner import evaluate
    from train_tagger import posp_lexicon
    from ud import read_bio

    from quizgen.analysis.ner import ner_model_path
    from quizgen.analysis.ner_features import ner_lexicon

    tagger = pycrfsuite.Tagger()
    tagger.open(str(ner_model_path("id")))
    test = read_bio(CORPUS / "indonlu" / "nerp_ner-prosa" / "test_preprocess.txt")
    scores = evaluate(tagger, test, ner_lexicon("id"), posp_lexicon())
    record = METRICS["id-ner"]["nerp_test_f1"]
    assert {k: round(v[2], 4) for k, v in scores.items()} == record
    assert scores["ALL"][2] >= 0.75


def test_shipped_tagger_uses_the_word_list_the_script_builds() -> None:
    from train_tagger import posp_lexicon

    from quizgen.analysis import get_tagger

    assert get_tagger("id").passes[0].lexicon == posp_lexicon()


@pytest.mark.slow
def test_retraining_the_indonesian_tagger_gives_the_shipped_weights(tmp_path: Path) -> None:
    from train_tagger import main

    out = tmp_path / "id-upos.npz"
    assert main(["id", "--out", str(out)]) == 0
    with np.load(out) as new, np.load(MODELS / "id-upos.npz") as shipped:
        assert sorted(new.files) == sorted(shipped.files)
        for name in new.files:
            assert np.array_equal(new[name], shipped[name]), name


def test_english_name_typing_on_the_hand_labelled_names_is_the_recorded_one() -> None:
    from eval_en_entities import evaluate

    got = evaluate()
    record = METRICS["en-nametypes"]
    assert round(got["accuracy"], 4) == record["accuracy"]
    assert got["accuracy"] >= 0.75
    assert got["assumed"] <= 0.1


@pytest.mark.parametrize(("key", "recall"), [("id-news", 0.98), ("id", 0.98), ("en", 0.97)])
def test_tokens_line_up_with_the_treebanks_own_tokenisation(key: str, recall: float) -> None:
    """Raw treebank sentences (news for id-news: CSUI), tokenised by quizgen, against the
    treebank's tokens: the exact character spans found (see training/eval_tokens.py)."""
    from eval_tokens import SETS, compare

    r = compare(key.split("-")[0], SETS[key])
    assert r["recall"] >= recall and r["precision"] >= recall - 0.01
