package doc_test

import (
	"fmt"

	"github.com/lede-news/lede/internal/doc"
)

func ExampleNewText() {
	d := doc.NewText("  Rain in Oslo.\n\n\tSnow in Bergen.  \n")
	for _, b := range d.Blocks {
		fmt.Printf("%s %q\n", b.Role, b.Of(d.Text))
	}
	// Output:
	// body "Rain in Oslo."
	// body "Snow in Bergen."
}

func ExampleFromParts() {
	d := doc.FromParts("Storm hits coast", "Winds reached 120 km/h.", "Ferries were cancelled.")
	for _, b := range d.Blocks {
		fmt.Printf("%s %q\n", b.Role, b.Of(d.Text))
	}
	fmt.Printf("%q\n", d.Text)
	// Output:
	// title "Storm hits coast"
	// body "Winds reached 120 km/h."
	// body "Ferries were cancelled."
	// "Storm hits coast\n\nWinds reached 120 km/h.\n\nFerries were cancelled."
}
