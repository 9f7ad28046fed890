package goevidence

import (
	"slices"
	"strings"
)

// What a request without a body sends: its URL, and nothing else. The
// personal data it carries is what the URL's text is made of. A URL that is
// the whole of a field (a site's Favicon setting, a feed's URL, the
// endpoint of a configuration) is an address someone stored, fetched from
// the host it names: its text carries no one's data, whatever the value it
// is read from carries beside it (a setting read with the request's
// context). A URL built from parts (a profile's address with the user's
// e-mail in its query) carries what its parts carry.

// bodiless reports whether a call, or the call a sink ends in, sends only
// its URL: a GET or HEAD of net/http.
func bodiless(what string) bool {
	switch innermost(what) {
	case "http.Get", "http.Head", "http.Client.Get", "http.Client.Head":
		return true
	}
	return false
}

// urlData is the data a URL value sends as the only data of a request:
// nothing when each of its texts is the whole of a field not personal by
// its name, otherwise what the value carries.
func urlData(v Val) Val {
	if wholeFields(v.Strs) {
		return Val{}
	}
	return v.taint()
}

// wholeFields reports whether a value's texts are known and each is the
// whole of one field (of an input, or one a hole names) whose name is not
// personal: Favicon, BaseURL; not Email.
func wholeFields(ss []Str) bool {
	if len(ss) == 0 {
		return false
	}
	for _, s := range ss {
		if len(s.Parts) != 1 {
			return false
		}
		name := partField(s.Parts[0])
		if name == "" || strongName(name) {
			return false
		}
	}
	return true
}

// partField is the name of the field a part of a text is, or "": an
// input's field (Part.Field), or the exported field of a type of the
// module that a hole stands for ("path.Type.Field@reader" in Part.Open).
func partField(p Part) string {
	if p.Field != "" {
		return p.Field
	}
	id := openID(p.Open)
	if i := strings.LastIndexByte(id, '.'); i >= 0 {
		return id[i+1:]
	}
	return ""
}

// bodilessSinkData is what a sink that ends in a request without a body
// sends, given the inputs of a call: for each input it sends, what the
// texts of the sink's URL that hold it become with the call's values
// (urlData); an input the URL does not show is weighed whole.
func bodilessSinkData(sk Sink, ins []Val) Val {
	var data Val
	arg := argAt(ins, 0)
	var work int64
	for _, i := range sk.Data {
		if i >= len(ins) {
			continue
		}
		texts := urlTexts(sk.Dests, i)
		t := sentTaint(sk, ins, i)
		if len(texts) == 0 {
			data = join(data, t)
			continue
		}
		data = join(data, urlData(Val{Personal: t.Personal, Params: t.Params, ParamVia: t.ParamVia, Strs: substStrs(texts, arg, &work)}))
	}
	return data
}

// urlTexts is the texts of a sink's URL destinations that hold input i.
func urlTexts(dests []Handle, i int) []Str {
	var out []Str
	for _, h := range dests {
		if h.Syntax != sURL {
			continue
		}
		for _, s := range h.Dest {
			if slices.ContainsFunc(s.Parts, func(p Part) bool { return p.Param == i+1 }) {
				out = append(out, s)
			}
		}
	}
	return out
}
