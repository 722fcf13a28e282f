"""Never reads its stdin and never answers: the host's queue for it must stay bounded."""
import time

time.sleep(600)
