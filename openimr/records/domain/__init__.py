"""The records domain: what a reviewer's workspace reads from the case file's documents.

Pure rules over extracted text, no Django: `pages` (the shared shapes), `inference` (kind,
author, date of service and a title for one document) and `summary` (a draft of the clinical
case summary, every sentence linked to the pages it came from).
"""
