package api

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/lede-news/lede/internal/api/core"
)

// DefaultMaxAnalyses is how many analyses `lede serve` runs at once by
// default (per CPU): the engine is CPU-bound, so more at once only makes each
// slower and holds more memory (up to about 30 times the input each).
const DefaultMaxAnalyses = 2

// Limit bounds the number of POST /analyze requests h serves at once to n.
// One more gets 503 Service Unavailable with Retry-After at once, instead of
// queueing without bound: a client can retry, a queue would only grow
// memory and latency under load. Other paths (the page, /healthz) are not
// counted, so the page and health checks answer while the engine is busy.
func Limit(h http.Handler, n int, retryAfter time.Duration) http.Handler {
	if n < 1 {
		n = 1
	}
	secs := int(retryAfter / time.Second)
	if secs < 1 {
		secs = 1
	}
	return &limiter{h: h, slots: make(chan struct{}, n), retry: strconv.Itoa(secs)}
}

type limiter struct {
	h     http.Handler
	slots chan struct{}
	retry string
}

func (l *limiter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/analyze" || r.Method != http.MethodPost {
		l.h.ServeHTTP(w, r)
		return
	}
	select {
	case l.slots <- struct{}{}:
		defer func() { <-l.slots }()
		l.h.ServeHTTP(w, r)
	default:
		core.SetHeaders(core.Header(w.Header()), r.URL.Path, false)
		w.Header().Set("Retry-After", l.retry)
		writeError(w, http.StatusServiceUnavailable, fmt.Sprintf("lede is busy with %d analyses: try again in %s s", cap(l.slots), l.retry))
	}
}
