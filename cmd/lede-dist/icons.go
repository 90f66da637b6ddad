package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
)

type icon struct {
	name string
	png  []byte
}

// icons draws the PWA's PNG icons: the same picture as web/icon.svg (lines of
// text on the brand blue, one of them highlighted), at the sizes browsers ask
// for. They are drawn rather than committed so that they never drift apart
// from the build; the maskable one keeps its picture inside the safe zone.
func icons() []icon {
	return []icon{
		{"icon-192.png", drawIcon(192, false)},
		{"icon-512.png", drawIcon(512, false)},
		{"icon-maskable-512.png", drawIcon(512, true)},
	}
}

func drawIcon(size int, maskable bool) []byte {
	blue := color.RGBA{0x1d, 0x4e, 0xd8, 0xff}
	white := color.RGBA{0xff, 0xff, 0xff, 0xff}
	amber := color.RGBA{0xfb, 0xbf, 0x24, 0xff}
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	f := float64(size) / 512
	radius := 96.0
	inset := 0.0
	if maskable {
		radius = 0 // the platform applies its own mask
		inset = 64
	}
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			if inRoundRect(float64(x)/f, float64(y)/f, 0, 0, 512, 512, radius) {
				img.Set(x, y, blue)
			}
		}
	}
	scale := (512 - 2*inset) / 512
	// Lines of text, the second one highlighted (as in web/icon.svg).
	bars := []struct {
		x, y, w, h float64
		c          color.RGBA
	}{
		{112, 120, 288, 48, white},
		{96, 208, 320, 72, amber},
		{112, 228, 200, 32, blue},
		{112, 320, 288, 48, white},
		{112, 400, 184, 48, white},
	}
	for _, b := range bars {
		x0, y0 := inset+b.x*scale, inset+b.y*scale
		w, h := b.w*scale, b.h*scale
		for y := int(y0 * f); y < int((y0+h)*f); y++ {
			for x := int(x0 * f); x < int((x0+w)*f); x++ {
				if inRoundRect(float64(x)/f, float64(y)/f, x0, y0, w, h, h/2) {
					img.Set(x, y, b.c)
				}
			}
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}

// inRoundRect reports whether (px, py) lies in the rectangle at (x, y) of
// size w×h with corners rounded to radius r.
func inRoundRect(px, py, x, y, w, h, r float64) bool {
	if px < x || py < y || px >= x+w || py >= y+h {
		return false
	}
	cx := min(max(px, x+r), x+w-r)
	cy := min(max(py, y+r), y+h-r)
	dx, dy := px-cx, py-cy
	return dx*dx+dy*dy <= r*r
}
