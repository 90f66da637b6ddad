package gbdt

import (
	"math"
	"reflect"
	"testing"
)

// rows is a small problem: y is 1 when x0 > 0.5 (x1 is noise the trees
// need not split on), every row weighing the same.
func rows() (X [][]float64, y, w []float64) {
	for i := 0; i < 40; i++ {
		x0 := float64(i) / 39
		x1 := float64((i*7)%13) / 13
		X = append(X, []float64{x0, x1})
		if x0 > 0.5 {
			y = append(y, 1)
		} else {
			y = append(y, 0)
		}
		w = append(w, 1)
	}
	return
}

func TestFit(t *testing.T) {
	X, y, w := rows()
	tenth := func(v float64) float64 { return math.Round(v*10) / 10 }
	base := Options{Trees: 10, Depth: 2, Rate: 0.3, Lambda: 1, MinHess: 1}
	for _, tc := range []struct {
		name  string
		opt   func(o *Options)
		check func(t *testing.T, f *Forest)
	}{
		{"separates", nil, func(t *testing.T, f *Forest) {
			for i, x := range X {
				if p := f.Eval(x); (p > 0) != (y[i] == 1) {
					t.Errorf("row %d (x0 %.2f, y %v): log-odds %.3f", i, x[0], y[i], p)
				}
			}
		}},
		{"only the features given", func(o *Options) { o.Features = []int{1} }, func(t *testing.T, f *Forest) {
			for _, tr := range f.Trees {
				for _, n := range tr {
					if n.Feat == 0 {
						t.Fatalf("split on feature 0: %+v", tr)
					}
				}
			}
		}},
		{"rounded as the file keeps it", func(o *Options) { o.Cut, o.Leaf, o.Bias = tenth, tenth, tenth }, func(t *testing.T, f *Forest) {
			if f.Bias != tenth(f.Bias) {
				t.Errorf("bias %v not rounded", f.Bias)
			}
			for _, tr := range f.Trees {
				for _, n := range tr {
					if v := n.Value + n.Thr; v != tenth(v) {
						t.Errorf("node %+v not rounded", n)
					}
				}
			}
		}},
		{"own gradients: no bias", func(o *Options) {
			o.Gradients = func(F, y, w, g, h []float64) {
				for i := range g {
					g[i], h[i] = F[i]-2*y[i], 1 // squared loss towards 2y
				}
			}
		}, func(t *testing.T, f *Forest) {
			if f.Bias != 0 || f.Eval(X[len(X)-1]) <= f.Eval(X[0]) {
				t.Errorf("bias %v, scores %v, %v", f.Bias, f.Eval(X[0]), f.Eval(X[len(X)-1]))
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := base
			if tc.opt != nil {
				tc.opt(&o)
			}
			f := Fit(X, y, w, o)
			if len(f.Trees) != o.Trees {
				t.Fatalf("%d trees, want %d", len(f.Trees), o.Trees)
			}
			if again := Fit(X, y, w, o); !reflect.DeepEqual(f, again) {
				t.Error("two fits differ")
			}
			tc.check(t, f)
		})
	}
}

func TestFitNoRows(t *testing.T) {
	if f := Fit(nil, nil, nil, Options{Trees: 3, Depth: 2}); len(f.Trees) != 0 {
		t.Errorf("no rows gave %d trees", len(f.Trees))
	}
}
