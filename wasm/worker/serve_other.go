//go:build !(js && wasm)

package main

import (
	"log"
	"net/http"
	"os"
	"time"

	"github.com/lede-news/lede/internal/api"
)

// serve outside a JS runtime: the same API (internal/api's http.Handler) on
// :9900 or $PORT.
func serve() {
	h := api.Handler()
	addr := ":9900"
	if p := os.Getenv("PORT"); p != "" {
		addr = ":" + p
	}
	srv := &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 10 * time.Second}
	log.Printf("lede worker handler on %s", addr)
	log.Fatal(srv.ListenAndServe())
}
