package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/lede-news/lede/internal/api"
)

// hang is how long a test waits for something that must happen at once
// (a time-out firing, a server stopping) before it calls it a hang. The
// tests never fail on speed: hang is far above what any machine needs.
const hang = 60 * time.Second

// start serves h with lim on a loopback port until the test ends.
// wait returns serveUntil's result, or an error when it has not returned
// within hang.
func start(t *testing.T, h http.Handler, lim serverLimits) (addr string, stop context.CancelFunc, wait func() error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- serveUntil(ctx, ln, newServer(h, lim), lim) }()
	wait = sync.OnceValue(func() error {
		select {
		case err := <-errc:
			return err
		case <-time.After(hang):
			return errors.New("the server did not stop")
		}
	})
	t.Cleanup(func() {
		cancel()
		wait()
	})
	return ln.Addr().String(), cancel, wait
}

func quick() serverLimits {
	lim := defaultLimits()
	lim.ReadHeader, lim.Read, lim.Idle = 300*time.Millisecond, 2*time.Second, time.Second
	lim.Shutdown = hang
	return lim
}

// A client that sends its headers byte by byte (slow-loris) is cut off at
// the read-header time-out, while other clients are served meanwhile.
func TestSlowClientIsCutOff(t *testing.T) {
	addr, _, _ := start(t, api.Handler(), quick())
	slow, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	fmt.Fprint(slow, "POST /analyze HTTP/1.1\r\nHost: x\r\nX-Slow: ")
	t0 := time.Now()
	trickle := time.NewTicker(50 * time.Millisecond)
	defer trickle.Stop()
	closed := make(chan struct{})
	go func() {
		slow.SetReadDeadline(time.Now().Add(hang))
		io.Copy(io.Discard, slow) // returns when the server closes the connection
		close(closed)
	}()
	// Meanwhile a normal client is served.
	resp, err := http.Post("http://"+addr+"/analyze", "text/plain", strings.NewReader("Rain fell in Oslo on Tuesday."))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("a normal client got %d while a slow one was connected", resp.StatusCode)
	}
	for {
		select {
		case <-closed:
			t.Logf("slow client cut off after %v", time.Since(t0).Round(time.Millisecond))
			return
		case <-trickle.C:
			slow.Write([]byte("a"))
			if time.Since(t0) > hang {
				t.Fatal("a slow-loris client kept its connection")
			}
		}
	}
}

// A client that sends its body slowly is cut off at the read time-out.
func TestSlowBodyIsCutOff(t *testing.T) {
	addr, _, _ := start(t, api.Handler(), quick())
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprint(c, "POST /analyze HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n")
	t0 := time.Now()
	for time.Since(t0) < hang {
		if _, err := c.Write([]byte("word ")); err != nil {
			return // the server closed the connection
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("a client sending its body slowly kept its connection")
}

// Headers over the limit get 431, not memory.
func TestHeaderLimit(t *testing.T) {
	addr, _, _ := start(t, api.Handler(), quick())
	req, _ := http.NewRequest("GET", "http://"+addr+"/healthz", nil)
	req.Header.Set("X-Big", strings.Repeat("a", 64<<10))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("64 KB of headers: status %d, want 431", resp.StatusCode)
	}
}

// On shutdown an analysis under way finishes and its client gets the
// answer; serveUntil then returns nil.
func TestGracefulShutdown(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-release
		io.WriteString(w, "finished")
	})
	addr, stop, wait := start(t, h, quick())
	got := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + addr + "/slow")
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- string(b)
	}()
	<-entered
	stop()
	time.Sleep(100 * time.Millisecond) // Shutdown has begun: new connections are refused
	close(release)
	select {
	case b := <-got:
		if b != "finished" {
			t.Errorf("the request under way got %q, want its answer", b)
		}
	case <-time.After(hang):
		t.Fatal("the request under way never finished")
	}
	if err := wait(); err != nil {
		t.Errorf("serveUntil: %v", err)
	}
}

// `lede serve` stops cleanly on SIGTERM: the real command, in a child
// process (this test binary, re-run as the helper below).
func TestServeSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperServe$")
	cmd.Env = append(os.Environ(), "LEDE_SERVE_HELPER=1")
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	var addr string
	for sc.Scan() {
		if a, ok := strings.CutPrefix(sc.Text(), "lede: serving http://"); ok {
			addr = a
			break
		}
	}
	if addr == "" {
		cmd.Process.Kill()
		t.Fatal("the server did not start")
	}
	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		cmd.Process.Kill()
		t.Fatal(err)
	}
	var h map[string]string
	json.NewDecoder(resp.Body).Decode(&h)
	resp.Body.Close()
	if h["status"] != "ok" {
		t.Errorf("healthz: %v", h)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	go io.Copy(io.Discard, stderr)
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("lede serve exited with %v after SIGTERM, want status 0", err)
		}
	case <-time.After(hang):
		cmd.Process.Kill()
		t.Fatal("lede serve did not stop on SIGTERM")
	}
}

// TestHelperServe is `lede serve` for TestServeSIGTERM, in a child process.
func TestHelperServe(t *testing.T) {
	if os.Getenv("LEDE_SERVE_HELPER") != "1" {
		t.Skip("run by TestServeSIGTERM")
	}
	if err := run([]string{"serve", "--addr", "127.0.0.1:0", "--dir", t.TempDir()}, os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "lede:", err)
		os.Exit(1)
	}
	os.Exit(0)
}
