#!/usr/bin/python3
"""The reference of bench/search.sh's indexing rate: SQLite FTS5 (Python's sqlite3, Debian's SQLite) fed the same documents.

Usage: fts5-index.py DOCUMENTS.tsv DB
Reads the lines first (not timed), then inserts them into an FTS5 table with the `unicode61 remove_diacritics 2` tokenizer
(Vietnamese words folded as the archive folds them), in one transaction, and prints one line:
RESULT fts5_documents=N seconds=S rate=R
"""
import sqlite3
import sys
import time

source, database = sys.argv[1], sys.argv[2]
with open(source, encoding='utf-8') as f:
    rows = [line.rstrip('\n').split('\t') for line in f]
connection = sqlite3.connect(database)
connection.execute('CREATE VIRTUAL TABLE documents USING fts5(id UNINDEXED, type, notation, organ, subject, dossier, body, '
                   'tokenize="unicode61 remove_diacritics 2")')
start = time.perf_counter()
with connection:
    connection.executemany('INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)', rows)
seconds = time.perf_counter() - start
connection.close()
print(f'RESULT fts5_documents={len(rows)} seconds={seconds:.2f} rate={len(rows) / seconds:.0f}')
