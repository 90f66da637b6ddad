package main

import (
	"fmt"
	"strings"
)

// siteOf returns a page address's host name without "www.", or the
// address itself when it has no host.
func siteOf(u string) string {
	host := u
	if i := strings.Index(host, "://"); i >= 0 {
		host = host[i+3:]
	}
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	return strings.TrimPrefix(strings.ToLower(host), "www.")
}

// assignFolds puts the pages (sorted by id) into k folds. By "id", page
// i is in fold i mod k. By "site", the pages of one host name share a
// fold: sites are dealt out in the order of their first page, so a site's
// other pages are never in the training folds of the fold that scores it,
// and cross-validation measures what a model does on sites it never saw
// (the benchmark's held-out half comes from other pages of the same crawl,
// partly of the same sites; docs/models/blocks.md). With seed > 0 the
// sites are dealt out in a shuffled order instead (a fixed generator, so
// a seed always gives the same folds): with 102 pages a difference of
// half a point can come from the split alone, and a change that helps
// must help over several splits.
func assignFolds(pages []page, k int, by string, seed uint64) error {
	switch by {
	case "id":
		for i := range pages {
			pages[i].fold = i % k
		}
	case "site":
		var sites []string
		seen := map[string]bool{}
		for _, p := range pages {
			if !seen[p.site] {
				seen[p.site] = true
				sites = append(sites, p.site)
			}
		}
		if seed > 0 {
			// Fisher–Yates with a linear congruential generator
			s := seed
			for i := len(sites) - 1; i > 0; i-- {
				s = s*6364136223846793005 + 1442695040888963407
				j := int((s >> 33) % uint64(i+1))
				sites[i], sites[j] = sites[j], sites[i]
			}
		}
		fold := make(map[string]int, len(sites))
		for i, s := range sites {
			fold[s] = i % k
		}
		for i := range pages {
			pages[i].fold = fold[pages[i].site]
		}
	default:
		return fmt.Errorf("-folds is id or site, not %q", by)
	}
	return nil
}
