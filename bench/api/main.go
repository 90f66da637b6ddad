// Command api is the load client of bench/api.sh: it sends one article to a
// lede HTTP API on loopback, N times with C at once, and prints one row of a
// Markdown table: requests/s, p50/p99 latency, errors, the server's CPU time
// per request and its resident memory before and after.
//
//	go run ./bench/api -url http://127.0.0.1:8080 -file article.txt -n 10000 -c 4 -pid 1234
//
// With -slow S it also holds S slow-loris connections open for the whole
// run (headers trickled a byte a second) and reports how many the server cut
// off and when, while the measured requests are served. With -shed, a 503
// with Retry-After counts as shed load rather than as an error (the row
// shows how many), for runs that send more at once than the server takes.
//
// Only loopback addresses are accepted: this is a benchmark, not a load
// generator for other people's servers.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	base := flag.String("url", "", "the API's base URL, on 127.0.0.1")
	path := flag.String("path", "/analyze", "/analyze (POST the file) or /healthz (GET)")
	file := flag.String("file", "", "the article to POST as text/plain")
	n := flag.Int("n", 1000, "requests")
	c := flag.Int("c", 4, "requests at once")
	batch := flag.Int("batch", 0, "when > 0, POST the article this many times as application/x-ndjson, one request")
	warm := flag.Int("warmup", 20, "requests before measuring (not counted)")
	pids := flag.String("pid", "", "comma-separated server process ids whose CPU time and RSS to read from /proc")
	label := flag.String("label", "", "the row's label")
	limit := flag.Duration("timeout", 5*time.Minute, "give up after this long")
	slow := flag.Int("slow", 0, "slow-loris connections to hold open during the run (at most 200)")
	shed := flag.Bool("shed", false, "count 503 + Retry-After answers as shed load, not errors")
	flag.Parse()
	if *slow > 200 {
		fmt.Fprintln(os.Stderr, "bench/api: -slow is at most 200")
		os.Exit(2)
	}
	slowConns, shedOK = *slow, *shed
	if err := run(*base, *path, *file, *n, *c, *batch, *warm, *pids, *label, *limit); err != nil {
		fmt.Fprintln(os.Stderr, "bench/api:", err)
		os.Exit(1)
	}
}

// slowConns and shedOK are the -slow and -shed flags.
var (
	slowConns int
	shedOK    bool
)

func run(base, path, file string, n, c, batch, warm int, pidList, label string, limit time.Duration) error {
	u, err := url.Parse(base)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(u.Hostname()); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("-url must be a loopback address such as http://127.0.0.1:8080, not %q", base)
	}
	var body []byte
	if path == "/analyze" {
		if body, err = os.ReadFile(file); err != nil {
			return err
		}
	}
	contentType := "text/plain; charset=utf-8"
	if batch > 0 && body != nil {
		text, _ := json.Marshal(string(body))
		var b bytes.Buffer
		for i := 0; i < batch; i++ {
			fmt.Fprintf(&b, "{\"id\":%d,\"text\":%s}\n", i, text)
		}
		body, contentType = b.Bytes(), "application/x-ndjson"
		path += fmt.Sprintf(" (×%d)", batch)
	}
	var pids []int
	for _, f := range strings.Split(pidList, ",") {
		if f = strings.TrimSpace(f); f != "" {
			p, err := strconv.Atoi(f)
			if err != nil {
				return fmt.Errorf("-pid: %v", err)
			}
			pids = append(pids, p)
		}
	}
	client := &http.Client{
		Timeout:   60 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: c, MaxConnsPerHost: c, DisableCompression: true},
	}
	var first []byte
	var mu sync.Mutex
	var shed atomic.Int64
	one := func() (time.Duration, error) {
		var req *http.Request
		if body != nil {
			req, _ = http.NewRequest("POST", base+"/analyze", bytes.NewReader(body))
			req.Header.Set("Content-Type", contentType)
		} else {
			req, _ = http.NewRequest("GET", base+path, nil)
		}
		t0 := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		d := time.Since(t0)
		if err != nil {
			return d, err
		}
		if resp.StatusCode == http.StatusServiceUnavailable && shedOK && resp.Header.Get("Retry-After") != "" {
			shed.Add(1)
			return d, nil
		}
		if resp.StatusCode != 200 {
			return d, fmt.Errorf("status %d: %.200s", resp.StatusCode, b)
		}
		if bytes.Contains(b, []byte(`"error":`)) {
			return d, fmt.Errorf("an error in the answer: %.200s", b)
		}
		mu.Lock()
		defer mu.Unlock()
		if first == nil {
			first = b
		} else if !bytes.Equal(b, first) {
			return d, errors.New("a report differs from the first one")
		}
		return d, nil
	}
	for i := 0; i < warm; i++ {
		if _, err := one(); err != nil {
			return fmt.Errorf("warm-up request: %v", err)
		}
	}

	rssBefore, cpuBefore := procStats(pids)
	loris := startSlow(u.Host, slowConns)
	lat := make([]time.Duration, n)
	var next, errCount atomic.Int64
	var firstErr atomic.Value
	deadline := time.Now().Add(limit)
	start := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < c; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n || time.Now().After(deadline) {
					return
				}
				d, err := one()
				lat[i] = d
				if err != nil {
					errCount.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
				}
			}
		}()
	}
	wg.Wait()
	wall := time.Since(start)
	rssAfter, cpuAfter := procStats(pids)

	done := int(min(next.Load(), int64(n)))
	lat = lat[:done]
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000) }
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	cpu, rss := "–", "–"
	if len(pids) > 0 && done > 0 {
		cpu = fmt.Sprintf("%.1f", float64(cpuAfter-cpuBefore)/float64(done))
		rss = fmt.Sprintf("%.0f → %.0f", float64(rssBefore)/(1<<20), float64(rssAfter)/(1<<20))
	}
	errs := fmt.Sprint(errCount.Load())
	if shedOK {
		errs += fmt.Sprintf(" (%d served, %d shed with 503 + Retry-After)", int64(done)-shed.Load()-errCount.Load(), shed.Load())
	}
	if slowConns > 0 {
		cut, slowest := loris.wait(time.Minute)
		path += fmt.Sprintf(" + %d slow-loris: %d cut off, the last after %.0f s", slowConns, cut, slowest.Seconds())
	}
	fmt.Printf("| %s | %s | %d | %d | %.1f | %s | %s | %s | %s | %s |\n",
		label, path, done, c, float64(done)/wall.Seconds(), ms(pct(0.50)), ms(pct(0.99)), errs, cpu, rss)
	if e := firstErr.Load(); e != nil {
		fmt.Fprintln(os.Stderr, "bench/api: first error:", e)
	}
	if done < n {
		fmt.Fprintf(os.Stderr, "bench/api: stopped after %d of %d requests at the %v limit\n", done, n, limit)
	}
	return nil
}

// procStats sums the resident memory (bytes) and the CPU time (ms, user +
// system) of the processes, from /proc. Zero when there are none.
func procStats(pids []int) (rss int64, cpuMS float64) {
	for _, p := range pids {
		if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p)); err == nil {
			for _, line := range strings.Split(string(b), "\n") {
				if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
					kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
					rss += kb << 10
				}
			}
		}
		if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p)); err == nil {
			// The command name (field 2) may hold spaces; fields count from after ")".
			s := string(b)
			if i := strings.LastIndexByte(s, ')'); i >= 0 {
				f := strings.Fields(s[i+1:])
				if len(f) > 13 {
					ut, _ := strconv.ParseFloat(f[11], 64) // field 14: utime, in clock ticks
					st, _ := strconv.ParseFloat(f[12], 64) // field 15: stime
					cpuMS += (ut + st) * 1000 / clockTicks
				}
			}
		}
	}
	return rss, cpuMS
}

// clockTicks is USER_HZ, the unit of /proc/PID/stat times: 100 on Linux
// for every architecture Go supports.
const clockTicks = 100

// slowloris is a set of connections that send their request headers a byte
// a second and never finish them.
type slowloris struct {
	start time.Time
	cut   chan time.Duration // one value per connection the server closed
	n     int
	stop  chan struct{}
}

func startSlow(host string, n int) *slowloris {
	s := &slowloris{start: time.Now(), cut: make(chan time.Duration, n), n: n, stop: make(chan struct{})}
	for i := 0; i < n; i++ {
		go func() {
			c, err := net.DialTimeout("tcp", host, 5*time.Second)
			if err != nil {
				s.cut <- 0 // refused outright: shed too
				return
			}
			defer c.Close()
			fmt.Fprintf(c, "POST /analyze HTTP/1.1\r\nHost: %s\r\nX-Slow: ", host)
			closed := make(chan struct{})
			go func() { // the server closing the connection ends this read
				io.Copy(io.Discard, c)
				close(closed)
			}()
			tick := time.NewTicker(time.Second)
			defer tick.Stop()
			for {
				select {
				case <-s.stop:
					return
				case <-closed:
					s.cut <- time.Since(s.start)
					return
				case <-tick.C:
					c.Write([]byte("a"))
				}
			}
		}()
	}
	return s
}

// wait waits up to limit for the server to cut the slow connections and
// returns how many it cut and when it cut the last of them.
func (s *slowloris) wait(limit time.Duration) (cut int, last time.Duration) {
	defer close(s.stop)
	deadline := time.After(limit)
	for cut < s.n {
		select {
		case d := <-s.cut:
			cut++
			last = max(last, d)
		case <-deadline:
			return cut, last
		}
	}
	return cut, last
}
