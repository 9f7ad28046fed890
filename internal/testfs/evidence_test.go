package testfs

import (
	"testing"

	"github.com/noticevet/noticevet/internal/evidence"
)

// TestShow: a field with nothing to show is left out with its space;
// Placed shows all three parts once there is a country; Defined always
// shows its parentheses.
func TestShow(t *testing.T) {
	es := []evidence.Evidence{
		{Pos: evidence.Pos{Path: "a.tf", Line: 1, Column: 2}, Kind: evidence.Store, What: "b", Country: "JP",
			Replica: true, Instances: []string{"x", "y"}, Stores: []evidence.StoreRef{{Type: "s3-bucket", Name: "m"}, {Type: "t", Name: "n"}}},
		{Pos: evidence.Pos{Path: "c.tf", Line: 3, Column: 4}, Kind: evidence.Send, What: "d", Region: "r", Via: "v \"q\"",
			Unresolved: "u", Defined: "plan p"},
	}
	for _, tt := range []struct {
		fields []Field
		want   string
	}{
		{[]Field{Pos, Kind, What, Country, Region, Via, Replica, Unresolved, Stores},
			"a.tf:1:2 store \"b\" JP replica store=s3-bucket/m store=t/n\n" +
				"c.tf:3:4 send \"d\" region=r via=\"v \\\"q\\\"\" unresolved=\"u\"\n"},
		{[]Field{Pos, Name, Placed, Instances, Defined},
			"a.tf:1:2 b JP region= via=\"\" in=x,y ()\n" +
				"c.tf:3:4 d (plan p)\n"},
	} {
		if got := Show(es, tt.fields...); got != tt.want {
			t.Errorf("got\n%s\nwant\n%s", got, tt.want)
		}
	}
}
