package goevidence

import (
	"go/types"
	"strings"

	"github.com/noticevet/noticevet/internal/evidence"
)

// Which values are destinations: the handles a call sends to, the types
// that may be bound to a destination, and the parameters a function
// writes to.

// usable are the handles a method call or a writer argument sends to: not
// options, and not HTTP requests (which only a client's Do sends). An
// input of the function is kept marked (Handle.NoRequest), so that the
// requests its callers' values hold are left out where they are known.
func usable(hs []Handle) []Handle {
	var out []Handle
	for _, h := range destHandles(hs) {
		if h.Kind == hParam {
			h.NoRequest = true
		}
		if h.Kind != hRequest {
			out = append(out, h)
		}
	}
	return out
}

// mayCarryDest reports whether a receiver of this type may be bound to a
// destination: an interface, a type of an SDK or of a package the
// analysis follows, or one of the standard library's connections,
// databases and writers (not strings.Builder, bytes.Buffer, url.Values).
func mayCarryDest(t types.Type) bool {
	if t == nil {
		return false
	}
	pkgPath, name := namedPath(t)
	if pkgPath == "reflect" {
		// A reflect.Type describes a type and a reflect.Value holds one in
		// memory: the value of a connection's type is not the connection
		// (a decoder's t.AssignableTo(u) sends nothing).
		return false
	}
	if inMemoryStd(pkgPath) {
		return false
	}
	if types.IsInterface(t) {
		return true
	}
	if pkgPath == "" || !isStdPath(pkgPath) {
		return true
	}
	switch pkgPath {
	case "net":
		// Its connections, not its values (an IPNet's Contains, an IP's Equal).
		return connType(t) || name == "Dialer"
	case "database/sql", "crypto/tls", "net/smtp", "mime/multipart", "compress/gzip", "compress/zlib", "compress/flate", "archive/zip", "archive/tar":
		return true
	}
	return stdWriter(pkgPath, name)
}

// inMemoryStd reports whether a package of the standard library only
// computes: its ciphers, hashes and signers (cipher.AEAD's Seal, a
// hash.Hash's Write) turn what they are given into bytes in memory, and
// none of their values, interfaces included, is bound to a destination.
// crypto/tls's connections are.
func inMemoryStd(pkgPath string) bool {
	switch {
	case pkgPath == "hash" || strings.HasPrefix(pkgPath, "hash/"):
		return true
	case pkgPath == "crypto/tls":
		return false
	case pkgPath == "crypto" || strings.HasPrefix(pkgPath, "crypto/"):
		return true
	}
	return false
}

// stdWriter reports whether the standard library's type pkgPath.name
// is an encoder or a writer of a stream (json.Encoder, bufio.Writer,
// io.PipeWriter): where it goes is where its stream goes.
func stdWriter(pkgPath, name string) bool {
	switch pkgPath {
	case "encoding/json", "encoding/gob", "encoding/xml":
		return name == "Encoder"
	case "encoding/csv", "bufio", "io", "text/tabwriter":
		return name == "Writer" || name == "PipeWriter"
	}
	return false
}

// connType reports whether a value of this type is a network connection
// of the standard library (net.Conn, *net.TCPConn, *tls.Conn).
func connType(t types.Type) bool {
	pkgPath, name := namedPath(t)
	switch pkgPath {
	case "net":
		return strings.HasSuffix(name, "Conn")
	case "crypto/tls":
		return name == "Conn"
	}
	return false
}

// takesDest reports whether a function has a parameter it may write or
// send to (fmt.Fprintf's io.Writer, io.Copy's dst).
func takesDest(f *types.Func) bool {
	sig, ok := f.Type().(*types.Signature)
	if !ok {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if it, ok := t.Underlying().(*types.Interface); ok && it.NumMethods() > 0 || destParam(t) {
			return true
		}
	}
	return false
}

// destParam reports whether a parameter of this type is where a function
// writes or sends (an io.Writer, a connection), not data.
func destParam(t types.Type) bool {
	return writerLike(t) || sdkHandleType(t)
}

// concrete reports whether some handle is a real destination, not an input
// of the function.
func concrete(hs []Handle) bool {
	for _, h := range hs {
		if h.Kind != hParam {
			return true
		}
	}
	return false
}

// toStore reports whether some destination keeps what it is sent: a
// database, an object store, a store service of a cloud (kindOf).
func toStore(hs []Handle) bool {
	for _, h := range hs {
		if kindOf(h, evidence.Send) == evidence.Store {
			return true
		}
	}
	return false
}

// toDatabase reports whether some destination is an SQL database.
func toDatabase(hs []Handle) bool {
	for _, h := range hs {
		if h.Kind == hSQL {
			return true
		}
	}
	return false
}
