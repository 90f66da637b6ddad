package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"golang.org/x/net/netutil"

	"github.com/lede-news/lede/internal/api"
)

// serverLimits are what `lede serve` allows one client, chosen so that a
// slow or hostile client cannot hold the server (docs/security.md):
//   - a client has ReadHeader to send its headers and Read to send the
//     whole request: a slow-loris client that trickles bytes is cut off;
//     8 MiB (the largest body) at 256 KB/s takes 32 s, within Read;
//   - Write bounds the analysis and the answer together (8 MiB of text
//     takes seconds natively);
//   - Idle closes keep-alive connections nobody uses;
//   - MaxHeaderBytes stops a client from filling memory with headers;
//   - MaxConns bounds open connections (each costs a goroutine and
//     buffers) and MaxAnalyses the analyses running at once: the engine is
//     CPU-bound, so more at once would only be slower, and one more gets
//     503 with Retry-After instead of a queue.
type serverLimits struct {
	ReadHeader, Read, Write, Idle time.Duration
	MaxHeaderBytes                int
	MaxConns                      int
	MaxAnalyses                   int
	Shutdown                      time.Duration // how long SIGTERM waits for analyses under way
}

func defaultLimits() serverLimits {
	return serverLimits{
		ReadHeader:     10 * time.Second,
		Read:           60 * time.Second,
		Write:          120 * time.Second,
		Idle:           60 * time.Second,
		MaxHeaderBytes: 16 << 10,
		MaxConns:       512,
		MaxAnalyses:    api.DefaultMaxAnalyses * runtime.NumCPU(),
		Shutdown:       30 * time.Second,
	}
}

// newServer is the http.Server of `lede serve` with the limits applied.
func newServer(h http.Handler, lim serverLimits) *http.Server {
	return &http.Server{
		Handler:           api.Limit(h, lim.MaxAnalyses, time.Second),
		ReadHeaderTimeout: lim.ReadHeader,
		ReadTimeout:       lim.Read,
		WriteTimeout:      lim.Write,
		IdleTimeout:       lim.Idle,
		MaxHeaderBytes:    lim.MaxHeaderBytes,
		// net/http logs what it cuts off (timeouts, bad requests) here;
		// the client gets a status line and never a Go error or trace.
		ErrorLog: log.New(io.Discard, "", 0),
	}
}

func serve(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	lim := defaultLimits()
	addr := fs.String("addr", "127.0.0.1:8080", "")
	dir := fs.String("dir", "dist", "")
	fs.IntVar(&lim.MaxAnalyses, "max-analyses", lim.MaxAnalyses, "")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%v ('lede help' lists the flags)", err)
	}
	static := *dir
	if st, err := os.Stat(static); err != nil || !st.IsDir() {
		fmt.Fprintf(os.Stderr, "lede: no folder %s (run ./build.sh dist); serving the API only\n", static)
		static = ""
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "lede: serving http://%s\n", ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveUntil(ctx, ln, newServer(api.NewServer(static), lim), lim)
}

// serveUntil serves on ln until ctx ends (SIGTERM or Ctrl+C), then shuts
// down gracefully: it stops accepting, lets analyses under way finish for
// up to lim.Shutdown, and returns nil.
func serveUntil(ctx context.Context, ln net.Listener, srv *http.Server, lim serverLimits) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(netutil.LimitListener(ln, lim.MaxConns)) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(os.Stderr, "lede: shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), lim.Shutdown)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("shutting down: %v (analyses under way were cut off)", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
