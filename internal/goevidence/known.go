package goevidence

import (
	"go/ast"
	"go/types"
	"path"
	"strings"

	"github.com/noticevet/noticevet/internal/evidence"
)

// What the analysis knows of the standard library and of SDKs: which calls
// send data (directSinks), which create a destination (known), which
// literals configure one (knownComposite). Packages not listed are
// followed through their code and facts.

// Option handle kinds: they configure a destination and are not one.
const (
	hAWSEndpoint = "aws-endpoint-option"
	hGCPLocation = "gcp-location-option"
)

func isOption(kind string) bool {
	switch kind {
	case hAWSRegion, hAWSEndpoint, hGCPOption, hGCPLocation, hStoreName, hSaaSOption:
		return true
	}
	return false
}

// directSink is a call that sends its arguments to a destination it is
// given: http.Post(url, contentType, body).
type directSink struct {
	what   string
	dest   int    // the argument (not counting a receiver) that decides where; -1 if req does
	syntax string // how dest reads
	data   []int  // the arguments that are sent
	req    int    // >= 0: the argument that is an *http.Request built elsewhere
	// recvDest: the receiver (a connection) decides where
	recvDest bool
	// recipients are the arguments that are mail recipients' addresses:
	// personal data unless the code gives them as constant text (an
	// operator's mailbox). The sender's address, a mailbox the service
	// itself is configured with, is not among the data.
	recipients []int
}

var directSinks = map[string]directSink{
	"net/http.Get":                                      {what: "http.Get", dest: 0, syntax: sURL, data: []int{0}, req: -1},
	"net/http.Head":                                     {what: "http.Head", dest: 0, syntax: sURL, data: []int{0}, req: -1},
	"net/http.Post":                                     {what: "http.Post", dest: 0, syntax: sURL, data: []int{0, 2}, req: -1},
	"net/http.PostForm":                                 {what: "http.PostForm", dest: 0, syntax: sURL, data: []int{0, 1}, req: -1},
	"net/http.Client.Get":                               {what: "http.Client.Get", dest: 0, syntax: sURL, data: []int{0}, req: -1},
	"net/http.Client.Head":                              {what: "http.Client.Head", dest: 0, syntax: sURL, data: []int{0}, req: -1},
	"net/http.Client.Post":                              {what: "http.Client.Post", dest: 0, syntax: sURL, data: []int{0, 2}, req: -1},
	"net/http.Client.PostForm":                          {what: "http.Client.PostForm", dest: 0, syntax: sURL, data: []int{0, 1}, req: -1},
	"net/http.Client.Do":                                {what: "http.Client.Do", dest: -1, data: []int{0}, req: 0},
	"net/http.Transport.RoundTrip":                      {what: "http.Transport.RoundTrip", dest: -1, data: []int{0}, req: 0},
	"net/http.RoundTripper.RoundTrip":                   {what: "http.RoundTripper.RoundTrip", dest: -1, data: []int{0}, req: 0},
	"net/smtp.SendMail":                                 {what: "smtp.SendMail", dest: 0, syntax: sHostPort, data: []int{3, 4}, req: -1, recipients: []int{3}},
	"net/smtp.Client.Rcpt":                              {what: "smtp.Client.Rcpt", dest: -1, data: []int{0}, req: -1, recvDest: true, recipients: []int{0}},
	"net/smtp.Client.Mail":                              {what: "smtp.Client.Mail", dest: -1, req: -1, recvDest: true},
	"net/smtp.Client.Auth":                              {what: "smtp.Client.Auth", dest: -1, req: -1, recvDest: true}, // the service's own credentials
	"net/smtp.Client.Hello":                             {what: "smtp.Client.Hello", dest: -1, req: -1, recvDest: true},
	"google.golang.org/grpc.ClientConn.Invoke":          {what: "grpc.ClientConn.Invoke", dest: -1, data: []int{2}, req: -1, recvDest: true},
	"google.golang.org/grpc.ClientConnInterface.Invoke": {what: "grpc.ClientConnInterface.Invoke", dest: -1, data: []int{2}, req: -1, recvDest: true},
}

// known computes the results of calls whose meaning is built in. ins are
// the call's inputs (receiver first). ok is false for other calls.
func (s *pkgState) known(f *fn, call *ast.CallExpr, fobj *types.Func, ins []Val) ([]Val, bool) {
	if fobj.Pkg() == nil {
		return nil, false
	}
	key := funcKey(fobj)
	pkgPath := fobj.Pkg().Path()
	name := fobj.Name()
	in := func(i int) Val {
		if i < len(ins) {
			return ins[i]
		}
		return Val{}
	}
	base := s.generic(call, fobj, ins)
	// with sets what is known of result i on top of the generic taint: its
	// text, and (when known) the destinations it is bound to, which replace
	// those the generic rule passes through.
	with := func(i int, v Val) []Val {
		if i < len(base) {
			base[i].Strs = v.Strs
			if len(v.Handles) > 0 {
				base[i].Handles = canonHandles(v.Handles)
			}
		}
		return base
	}
	constArg := func(i int) (string, bool) {
		if i < len(call.Args) {
			if isConstString(s.info, call.Args[i]) {
				return s.constText(call.Args[i])
			}
		}
		return "", false
	}

	if !isStdPath(pkgPath) {
		if h, ok := oapiKnown(fobj, ins); ok {
			return with(0, Val{Handles: []Handle{h}}), true
		}
		if h, ok := s.knownSDK(fobj, ins); ok {
			return with(clientResult(fobj), Val{Handles: []Handle{h}}), true
		}
	}

	if key == "context.WithValue" {
		if h, ok := s.sdkContextOption(f, call); ok {
			return with(0, Val{Handles: append(append([]Handle(nil), in(0).Handles...), h)}), true
		}
	}

	if strings.HasPrefix(pkgPath, "github.com/aws/aws-sdk-go-v2/service/") && name == "EndpointResolverFromURL" {
		// The SDK's older way to set a client's endpoint (Options.EndpointResolver),
		// as BaseEndpoint does now: another S3-compatible store's URL.
		return with(0, Val{Handles: []Handle{{Kind: hAWSEndpoint, Dest: orHole(in(0).Strs)}}}), true
	}
	switch key {
	case "os.Getenv", "os.LookupEnv", "syscall.Getenv":
		why := "the environment"
		if k, ok := constArg(0); ok {
			why = "os.Getenv(" + quote(clip(k)) + ")"
			if k != "" {
				return with(0, Val{Strs: []Str{keyedHole(why, evidence.ConfigKey{Kind: evidence.KeyEnv, Name: k})}}), true
			}
		}
		return with(0, Val{Strs: []Str{hole(why)}}), true
	case "github.com/spf13/viper.Get", "github.com/spf13/viper.GetString", "github.com/spf13/viper.GetStringSlice",
		"github.com/spf13/viper.Viper.Get", "github.com/spf13/viper.Viper.GetString", "github.com/spf13/viper.Viper.GetStringSlice",
		"github.com/knadh/koanf/v2.Koanf.Get", "github.com/knadh/koanf/v2.Koanf.String", "github.com/knadh/koanf/v2.Koanf.MustString",
		"github.com/knadh/koanf/v2.Koanf.Strings", "github.com/knadh/koanf/v2.Koanf.MustStrings",
		"github.com/knadh/koanf.Koanf.Get", "github.com/knadh/koanf.Koanf.String", "github.com/knadh/koanf.Koanf.MustString",
		"github.com/knadh/koanf.Koanf.Strings", "github.com/knadh/koanf.Koanf.MustStrings":
		// A configuration key read by name: the value the configuration
		// files give it decides. The key is the first argument after the
		// receiver.
		why := s.describeCall(call)
		if k, ok := constArg(0); ok && k != "" {
			return with(0, Val{Strs: []Str{keyedHole(why, evidence.ConfigKey{Kind: evidence.KeyConfig, Name: k})}}), true
		}
		return with(0, Val{Strs: []Str{hole(why)}}), true
	case "os.ExpandEnv", "os.Expand":
		return with(0, Val{Strs: []Str{hole("the environment (os.ExpandEnv)")}}), true
	case "flag.String", "flag.FlagSet.String":
		why := "a flag"
		if n, ok := constArg(0); ok {
			why = "flag -" + clip(n)
		}
		return with(0, Val{Strs: []Str{hole(why)}}), true
	case "flag.Arg", "flag.Args", "flag.FlagSet.Arg", "flag.FlagSet.Args",
		"github.com/urfave/cli/v2.Args.Get", "github.com/urfave/cli/v2.Args.First", "github.com/urfave/cli/v2.Args.Slice",
		"github.com/urfave/cli/v3.Args.Get", "github.com/urfave/cli/v3.Args.First", "github.com/urfave/cli/v3.Args.Slice":
		return with(0, Val{Strs: []Str{hole("a command-line argument")}}), true
	case "fmt.Sprintf":
		return with(0, Val{Strs: s.sprintf(f, call)}), true
	case "fmt.Sprint", "fmt.Sprintln":
		strs := []Str{{}}
		for _, a := range call.Args {
			strs = concatAll(strs, orHole(s.eval(f, a).Strs))
		}
		return with(0, Val{Strs: strs}), true
	case "strings.TrimSpace", "strings.ToLower", "strings.TrimSuffix", "strings.TrimPrefix", "strings.TrimRight",
		"strings.TrimLeft", "strings.Trim", "strings.Clone", "bytes.TrimSpace", "bytes.ToLower",
		"github.com/aws/aws-sdk-go-v2/aws.String", "github.com/aws/aws-sdk-go-v2/aws.ToString",
		"github.com/aws/aws-sdk-go/aws.String", "github.com/aws/aws-sdk-go/aws.StringValue",
		"google.golang.org/protobuf/proto.String", "github.com/golang/protobuf/proto.String",
		"net/url.Parse", "net/url.ParseRequestURI", "net/url.URL.String", "net/url.URL.Redacted",
		"net/url.URL.ResolveReference":
		return with(0, Val{Strs: in(0).Strs}), true
	case "strings.Replace", "strings.ReplaceAll":
		if old, ok := constArg(1); ok && old != "" {
			return with(0, Val{Strs: replaceStrs(in(0).Strs, old, orHole(in(2).Strs), s.replaceCount(call))}), true
		} else if !ok && cannotMatch(in(0).Strs, in(1).Strs) {
			return with(0, Val{Strs: in(0).Strs}), true
		}
	case "net/url.JoinPath", "net/url.URL.JoinPath", "path.Join":
		// The elements are joined with '/': the base's host ends there.
		return with(0, Val{Strs: concatAll(orHole(in(0).Strs), concatAll([]Str{lit("/")}, []Str{hole("a path")}))}), true
	case "net.JoinHostPort":
		return with(0, Val{Strs: concatAll(concatAll(orHole(in(0).Strs), []Str{lit(":")}), orHole(in(1).Strs))}), true

	case "net/http.NewRequest", "net/http.NewRequestWithContext":
		i := 1
		if name == "NewRequestWithContext" {
			i = 2
		}
		return with(0, Val{Handles: []Handle{{Kind: hRequest, Origin: "http." + name, Syntax: sURL, Dest: orHole(in(i).Strs)}}}), true
	case "database/sql.Open":
		driver, ok := constArg(0)
		if !ok {
			driver = "?"
		}
		return with(0, Val{Handles: []Handle{{Kind: hSQL, Origin: "sql.Open", Syntax: "dsn:" + driver, Dest: orHole(in(1).Strs)}}}), true
	case "database/sql.OpenDB":
		return with(0, Val{Handles: []Handle{{Kind: hSQL, Origin: "sql.OpenDB", Unknown: "the database is opened through a driver.Connector (sql.OpenDB), whose address is not read"}}}), true
	case "net.Dial", "net.DialTimeout", "crypto/tls.Dial", "net.Dialer.Dial", "net.Dialer.DialContext",
		"crypto/tls.DialWithDialer", "crypto/tls.Dialer.DialContext", "net/smtp.Dial":
		netArg, addrArg := 0, 1
		switch key {
		case "net.Dialer.Dial", "crypto/tls.DialWithDialer":
			netArg, addrArg = 1, 2
		case "net.Dialer.DialContext", "crypto/tls.Dialer.DialContext":
			netArg, addrArg = 2, 3
		case "net/smtp.Dial":
			netArg, addrArg = -1, 0
		}
		kind, origin := hConn, path.Base(pkgPath)+"."+name
		if pkgPath == "net/smtp" {
			kind = hSMTP
		}
		if netArg >= 0 {
			for _, n := range in(netArg).Strs {
				if l, ok := n.literal(); ok && strings.HasPrefix(l, "unix") {
					return with(0, Val{Handles: []Handle{{Kind: kind, Origin: origin, Syntax: sLocal}}}), true
				}
			}
		}
		return with(0, Val{Handles: []Handle{{Kind: kind, Origin: origin, Syntax: sHostPort, Dest: orHole(in(addrArg).Strs)}}}), true
	case "net/smtp.NewClient":
		// A mail client on a connection dialled elsewhere
		// (tls.DialWithDialer): the connection's peer is the mail server.
		var hs []Handle
		for _, h := range in(0).Handles {
			if h.Kind == hConn {
				h.Kind, h.Origin = hSMTP, "smtp.NewClient"
			}
			hs = append(hs, h)
		}
		return with(0, Val{Handles: hs}), true
	case "google.golang.org/grpc.Dial", "google.golang.org/grpc.NewClient", "google.golang.org/grpc.DialContext":
		i := 0
		if name == "DialContext" {
			i = 1
		}
		return with(0, Val{Handles: []Handle{{Kind: hGRPC, Origin: "grpc." + name, Syntax: sGRPC, Dest: orHole(in(i).Strs)}}}), true

	// AWS SDK for Go v2.
	case "github.com/aws/aws-sdk-go-v2/config.WithRegion", "github.com/aws/aws-sdk-go-v2/config.WithDefaultRegion":
		return with(0, Val{Handles: []Handle{{Kind: hAWSRegion, Dest: orHole(in(0).Strs)}}}), true
	case "github.com/aws/aws-sdk-go-v2/config.WithBaseEndpoint":
		return with(0, Val{Handles: []Handle{{Kind: hAWSEndpoint, Dest: orHole(in(0).Strs)}}}), true
	case "github.com/aws/aws-sdk-go-v2/config.LoadDefaultConfig":
		var opts []Handle
		for _, v := range ins[min(1, len(ins)):] {
			opts = append(opts, v.Handles...)
		}
		h := Handle{Kind: hAWSConfig, Origin: "config.LoadDefaultConfig",
			Unknown: "config.LoadDefaultConfig has no config.WithRegion: the region comes from AWS_REGION or the shared config file"}
		return with(0, Val{Handles: applyOptions([]Handle{h}, opts)}), true
	// AWS SDK for Go v1.
	case "github.com/aws/aws-sdk-go/aws.NewConfig":
		return with(0, Val{Handles: []Handle{{Kind: hAWSConfig, Origin: "aws.NewConfig",
			Unknown: "aws.NewConfig is given no region, so it comes from the environment (AWS_REGION)"}}}), true
	case "github.com/aws/aws-sdk-go/aws.Config.WithRegion":
		return with(0, Val{Handles: override(in(0).Handles, "Region", in(1))}), true
	case "github.com/aws/aws-sdk-go/aws.Config.WithEndpoint":
		return with(0, Val{Handles: override(in(0).Handles, "Endpoint", in(1))}), true
	case "github.com/aws/aws-sdk-go/aws/session.NewSession", "github.com/aws/aws-sdk-go/aws/session.New",
		"github.com/aws/aws-sdk-go/aws/session.NewSessionWithOptions":
		var hs []Handle
		for _, v := range ins {
			hs = append(hs, destHandles(v.Handles)...)
		}
		if len(hs) == 0 {
			hs = []Handle{{Kind: hAWSConfig, Origin: "session." + name,
				Unknown: "session." + name + " is given no region, so it comes from the environment (AWS_REGION) or the shared config file"}}
		}
		return with(0, Val{Handles: hs}), true
	// Google Cloud.
	case "google.golang.org/api/option.WithEndpoint":
		return with(0, Val{Handles: []Handle{{Kind: hGCPOption, Dest: orHole(in(0).Strs)}}}), true
	case "cloud.google.com/go/storage.Client.Bucket", "firebase.google.com/go/storage.Client.Bucket", "firebase.google.com/go/v4/storage.Client.Bucket":
		return with(0, Val{Handles: []Handle{{Kind: hGCS, Origin: "storage.Client.Bucket", Syntax: sBucketName, Dest: orHole(in(1).Strs)}}}), true
	case "cloud.google.com/go/bigquery.Client.Dataset", "cloud.google.com/go/bigquery.Client.DatasetInProject":
		i := 1
		if name == "DatasetInProject" {
			i = 2
		}
		return with(0, Val{Handles: []Handle{{Kind: hBigQuery, Origin: "bigquery.Client." + name, Syntax: sDataset, Dest: orHole(in(i).Strs)}}}), true
	}

	switch {
	case strings.HasPrefix(pkgPath, "github.com/aws/aws-sdk-go-v2/service/") && name == "NewFromConfig":
		svc := awsService(pkgPath)
		var hs []Handle
		for _, h := range destHandles(in(0).Handles) {
			if h.Kind == hAWSConfig || h.Kind == hAWSClient {
				h.Kind, h.Service, h.Origin = hAWSClient, svc, svc+".NewFromConfig"
			}
			hs = append(hs, h)
		}
		if len(hs) == 0 {
			hs = []Handle{{Kind: hAWSClient, Service: svc, Origin: svc + ".NewFromConfig", Unknown: "the aws.Config it is given is not known statically"}}
		}
		for _, a := range call.Args[min(1, len(call.Args)):] {
			hs = s.clientOptions(f, hs, a)
		}
		return with(0, Val{Handles: hs}), true
	case strings.HasPrefix(pkgPath, "github.com/aws/aws-sdk-go-v2/service/") && name == "New":
		svc := awsService(pkgPath)
		h := Handle{Kind: hAWSClient, Service: svc, Origin: svc + ".New", Unknown: svc + ".New is given Options with no Region"}
		hs := applyOptions([]Handle{h}, in(0).Handles)
		for _, a := range call.Args[min(1, len(call.Args)):] {
			hs = s.clientOptions(f, hs, a)
		}
		return with(0, Val{Handles: hs}), true
	case strings.HasPrefix(pkgPath, "github.com/aws/aws-sdk-go/service/") && name == "New":
		svc := awsService(pkgPath)
		var hs []Handle
		for _, h := range destHandles(in(0).Handles) {
			if h.Kind == hAWSConfig || h.Kind == hAWSClient {
				h.Kind, h.Service, h.Origin = hAWSClient, svc, svc+".New"
			}
			hs = append(hs, h)
		}
		for _, v := range ins[min(1, len(ins)):] {
			for _, c := range v.Handles {
				if c.Kind == hAWSConfig && len(c.Dest) > 0 {
					hs = override(hs, "Region", Val{Strs: c.Dest})
				}
			}
		}
		return with(0, Val{Handles: hs}), true
	case strings.HasPrefix(pkgPath, "cloud.google.com/go/") && (name == "NewClient" || strings.HasPrefix(name, "New") && strings.HasSuffix(name, "Client")):
		product := gcpProduct(pkgPath)
		h := Handle{Kind: hGCPClient, Service: product, Origin: path.Base(pkgPath) + "." + name,
			Unknown: "the " + product + " client uses Google's global endpoint, which does not decide where the data is kept"}
		for _, v := range ins {
			for _, o := range v.Handles {
				if o.Kind == hGCPOption {
					h.Syntax, h.Dest, h.Unknown = sHostPort, o.Dest, ""
				}
			}
		}
		return with(0, Val{Handles: []Handle{h}}), true
	case strings.HasPrefix(pkgPath, "github.com/Azure/azure-sdk-for-go/sdk/") && strings.HasPrefix(name, "New") && strings.Contains(name, "Client"):
		svc := path.Base(pkgPath)
		h := Handle{Kind: hAzure, Service: azureService(pkgPath), Origin: svc + "." + name, Syntax: sURL, Dest: orHole(in(0).Strs)}
		if strings.Contains(name, "ConnectionString") {
			h.Syntax = sAzureConn
		}
		if sig := fobj.Type().(*types.Signature); sig.Params().Len() == 0 || !stringish(sig.Params().At(0).Type()) {
			return nil, false
		}
		return with(0, Val{Handles: []Handle{h}}), true
	}
	return nil, false
}

func quote(s string) string { return `"` + s + `"` }

// sprintf builds the text of fmt.Sprintf with a constant format.
func (s *pkgState) sprintf(f *fn, call *ast.CallExpr) []Str {
	if len(call.Args) == 0 {
		return nil
	}
	args := call.Args[1:]
	if isConstString(s.info, call.Args[0]) {
		if format, ok := s.constText(call.Args[0]); ok {
			return s.sprintfFormat(f, format, args)
		}
		// A constant too long to keep: a literal keeps its start
		// (eval1), which decides a verb or a destination.
		for _, x := range s.eval(f, call.Args[0]).Strs {
			if out, ok := s.sprintfStart(f, x, args); ok {
				return out
			}
		}
		return []Str{hole(tooLarge)}
	}
	// A format held in a variable (query := `SELECT ... WHERE %s = $1`):
	// each text it may hold, when every one is known, or known as far as
	// its start (a format too long to keep whole).
	formats := s.eval(f, call.Args[0]).Strs
	if len(formats) == 0 || len(formats) > maxFormats {
		return []Str{hole("fmt.Sprintf with a format not known statically")}
	}
	var out []Str
	for _, x := range formats {
		if text, ok := x.literal(); ok {
			out = append(out, s.sprintfFormat(f, text, args)...)
			continue
		}
		y, ok := s.sprintfStart(f, x, args)
		if !ok {
			return []Str{hole("fmt.Sprintf with a format not known statically")}
		}
		out = append(out, y...)
	}
	return out
}

// sprintfStart is fmt.Sprintf of a format cut for being too large
// (knownStart): formatted as far as it is known, then unknown.
func (s *pkgState) sprintfStart(f *fn, format Str, args []ast.Expr) ([]Str, bool) {
	start, ok := format.knownStart()
	if !ok {
		return nil, false
	}
	var out []Str
	for _, y := range s.sprintfFormat(f, start, args) {
		out = append(out, concat(y, hole(tooLarge)))
	}
	return out, true
}

// maxFormats is the most texts a format held in a variable is formatted
// with: a few branches, not a table of formats.
const maxFormats = 4

// sprintfFormat is fmt.Sprintf of one known format with args.
func (s *pkgState) sprintfFormat(f *fn, format string, args []ast.Expr) []Str {
	out := []Str{{}}
	for len(format) > 0 {
		i := strings.IndexByte(format, '%')
		if i < 0 {
			out = concatAll(out, []Str{lit(format)})
			break
		}
		out = concatAll(out, []Str{lit(format[:i])})
		format = format[i+1:]
		// Skip flags, width and precision up to the verb.
		j := 0
		for j < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[j]) >= 0 {
			j++
		}
		if j >= len(format) {
			break
		}
		verb := format[j]
		format = format[j+1:]
		if verb == '%' {
			out = concatAll(out, []Str{lit("%")})
			continue
		}
		if len(args) == 0 {
			out = concatAll(out, []Str{hole("a missing fmt.Sprintf argument")})
			continue
		}
		a := s.eval(f, args[0])
		args = args[1:]
		out = concatAll(out, orHole(a.Strs))
	}
	return out
}

// clientOptions applies the per-client options of an AWS SDK v2 client
// (func(o *s3.Options) { o.Region = "..."; o.BaseEndpoint = aws.String("...") }).
func (s *pkgState) clientOptions(f *fn, hs []Handle, arg ast.Expr) []Handle {
	lit, ok := ast.Unparen(arg).(*ast.FuncLit)
	if !ok || len(lit.Type.Params.List) == 0 || len(lit.Type.Params.List[0].Names) == 0 {
		return hs
	}
	o := s.info.Defs[lit.Type.Params.List[0].Names[0]]
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, l := range as.Lhs {
			sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && s.info.Uses[id] == o {
				hs = override(hs, sel.Sel.Name, s.eval(f, as.Rhs[i]))
			}
		}
		return true
	})
	return hs
}

// applyOptions applies option handles (config.WithRegion, Options.Region)
// to client or config handles.
func applyOptions(hs, opts []Handle) []Handle {
	for _, o := range opts {
		switch o.Kind {
		case hAWSRegion:
			hs = override(hs, "Region", Val{Strs: o.Dest})
		case hAWSEndpoint:
			hs = override(hs, "BaseEndpoint", Val{Strs: o.Dest})
		}
	}
	return hs
}

// override sets a field of AWS configs and clients: Region decides the
// region, BaseEndpoint or Endpoint the host, and so does an
// EndpointResolver made from a URL (s3.EndpointResolverFromURL).
func override(hs []Handle, field string, x Val) []Handle {
	out := make([]Handle, 0, len(hs))
	for _, h := range hs {
		if h.Kind == hAWSConfig || h.Kind == hAWSClient {
			switch field {
			case "Region":
				if h.Syntax != sURL {
					h.Syntax, h.Dest, h.Unknown = sAWSRegion, orHole(x.Strs), ""
				}
			case "BaseEndpoint", "Endpoint":
				h.Syntax, h.Dest, h.Unknown = sURL, orHole(x.Strs), ""
			case "EndpointResolver":
				for _, e := range x.Handles {
					if e.Kind == hAWSEndpoint {
						h.Syntax, h.Dest, h.Unknown = sURL, e.Dest, ""
					}
				}
			}
		}
		out = append(out, h)
	}
	return canonHandles(out)
}

// knownComposite reads literals that configure a destination.
func (s *pkgState) knownComposite(f *fn, lit *ast.CompositeLit, t types.Type) ([]Handle, bool) {
	pkgPath, name := namedPath(t)
	if pkgPath == "" {
		return nil, false
	}
	field := func(names ...string) (Val, bool) {
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					for _, n := range names {
						if id.Name == n {
							return s.eval(f, kv.Value), true
						}
					}
				}
			}
		}
		return Val{}, false
	}
	if hs, ok := s.sdkOption(pkgPath, name, field); ok {
		return hs, true
	}
	switch {
	case (pkgPath == "github.com/aws/aws-sdk-go-v2/aws" || pkgPath == "github.com/aws/aws-sdk-go/aws") && name == "Config":
		h := Handle{Kind: hAWSConfig, Origin: "aws.Config", Unknown: "the aws.Config literal has no Region, so it comes from the environment"}
		hs := []Handle{h}
		if r, ok := field("Region"); ok {
			hs = override(hs, "Region", r)
		}
		if e, ok := field("BaseEndpoint", "Endpoint"); ok {
			hs = override(hs, "BaseEndpoint", e)
		}
		return hs, true
	case strings.HasPrefix(pkgPath, "github.com/aws/aws-sdk-go-v2/service/") && name == "Options":
		var hs []Handle
		if r, ok := field("Region"); ok {
			hs = append(hs, Handle{Kind: hAWSRegion, Dest: orHole(r.Strs)})
		}
		if e, ok := field("BaseEndpoint"); ok {
			hs = append(hs, Handle{Kind: hAWSEndpoint, Dest: orHole(e.Strs)})
		}
		if e, ok := field("EndpointResolver"); ok {
			for _, h := range e.Handles {
				if h.Kind == hAWSEndpoint {
					hs = append(hs, h)
				}
			}
		}
		return hs, true
	case (strings.HasPrefix(pkgPath, "github.com/aws/aws-sdk-go-v2/service/") || strings.HasPrefix(pkgPath, "github.com/aws/aws-sdk-go/service/")) &&
		strings.HasSuffix(name, "Input") && storeNames.awsFields[awsService(pkgPath)] != nil:
		// An operation's input naming the store it writes to.
		var hs []Handle
		for fieldName, store := range storeNames.awsFields[awsService(pkgPath)] {
			if v, ok := field(fieldName); ok {
				hs = append(hs, Handle{Kind: hStoreName, Service: store, Dest: orHole(v.Strs), URL: strings.HasSuffix(fieldName, "Url")})
			}
		}
		return hs, true
	case pkgPath == "cloud.google.com/go/storage" && name == "BucketAttrs",
		pkgPath == "cloud.google.com/go/bigquery" && name == "DatasetMetadata":
		if l, ok := field("Location"); ok {
			return []Handle{{Kind: hGCPLocation, Dest: orHole(l.Strs)}}, true
		}
		return nil, true
	}
	return nil, false
}

// awsService names an AWS SDK service package: ".../service/s3" is "s3".
func awsService(pkgPath string) string {
	rest := pkgPath[strings.Index(pkgPath, "/service/")+len("/service/"):]
	svc, _, _ := strings.Cut(rest, "/")
	return svc
}

// gcpProduct names a Google Cloud client package: "cloud.google.com/go/aiplatform/apiv1" is "aiplatform".
func gcpProduct(pkgPath string) string {
	rest := strings.TrimPrefix(pkgPath, "cloud.google.com/go/")
	p, _, _ := strings.Cut(rest, "/")
	return p
}

// azureService names an Azure SDK package: ".../sdk/storage/azblob/container" is "azblob".
func azureService(pkgPath string) string {
	for _, el := range strings.Split(pkgPath, "/") {
		if strings.HasPrefix(el, "az") && el != "azcore" && el != "azidentity" && !strings.Contains(el, "-") {
			return el
		}
	}
	return path.Base(pkgPath)
}

// Services and products that keep data (their sites are "store" evidence;
// the others "send").
var storeServices = map[string]bool{
	"s3": true, "dynamodb": true, "rds": true, "rdsdata": true, "docdb": true, "timestreamwrite": true,
	"cloudwatchlogs": true, "firehose": true, "kinesis": true, "glacier": true, "efs": true, "opensearch": true,
	"storage": true, "bigquery": true, "firestore": true, "spanner": true, "datastore": true, "bigtable": true,
	"azblob": true, "azcosmos": true, "aztables": true, "azfile": true, "azdatalake": true,
}

// kindOf decides the evidence kind of a destination. A read or delete
// (refineKind) is one of a store: where the same call may also reach a
// connection, a request or a mail server, that destination is sent to.
func kindOf(h Handle, fallback evidence.Kind) evidence.Kind {
	switch h.Kind {
	case hRequest, hGRPC, hConn, hSMTP, hHTTPClient, "http":
		return evidence.Send
	}
	if fallback == evidence.Read || fallback == evidence.Delete {
		return fallback
	}
	switch h.Kind {
	case hSQL, hGCS, hBigQuery:
		return evidence.Store
	case hSaaSStore:
		return evidence.Store
	case hAWSClient, hAWSConfig, hGCPClient, hAzure:
		if storeServices[h.Service] {
			return evidence.Store
		}
		if h.Service != "" {
			return evidence.Send
		}
	case hRequest, hGRPC, hConn, hSMTP, hHTTPClient, "http":
		return evidence.Send
	}
	return fallback
}

// kindOfType guesses the kind from the type of a receiver or parameter.
func kindOfType(t types.Type) evidence.Kind {
	pkgPath, _ := namedPath(t)
	switch {
	case pkgPath == "database/sql", sdkStoreModule(pkgPath):
		return evidence.Store
	case strings.HasPrefix(pkgPath, "github.com/aws/"):
		if storeServices[awsServiceFromType(pkgPath)] {
			return evidence.Store
		}
	case strings.HasPrefix(pkgPath, "cloud.google.com/go/"):
		if storeServices[gcpProduct(pkgPath)] {
			return evidence.Store
		}
	case strings.HasPrefix(pkgPath, "github.com/Azure/"):
		if storeServices[azureService(pkgPath)] {
			return evidence.Store
		}
	}
	return evidence.Send
}

// awsServiceFromType names the service of an AWS SDK package, including
// the upload managers (".../s3/s3manager", ".../feature/s3/manager").
func awsServiceFromType(pkgPath string) string {
	switch {
	case strings.Contains(pkgPath, "/service/"):
		return awsService(pkgPath)
	case strings.Contains(pkgPath, "/feature/"):
		rest := pkgPath[strings.Index(pkgPath, "/feature/")+len("/feature/"):]
		svc, _, _ := strings.Cut(rest, "/")
		return svc
	}
	return ""
}

// sdkHandleType reports whether a type is a client or connection of the
// standard library or an SDK: an unknown value of it is a destination not
// known statically.
func sdkHandleType(t types.Type) bool {
	pkgPath, name := namedPath(t)
	switch pkgPath {
	case "database/sql":
		return name == "DB" || name == "Tx" || name == "Conn" || name == "Stmt"
	case "net":
		return name == "Conn" || name == "TCPConn" || name == "UDPConn"
	case "crypto/tls":
		return name == "Conn"
	case "net/smtp":
		return name == "Client"
	case "":
		return false
	}
	if isStdPath(pkgPath) || !isInfraPath(pkgPath) {
		return false
	}
	for _, p := range []string{"google.golang.org/protobuf", "google.golang.org/genproto", "github.com/golang/protobuf", "golang.org/x"} {
		if pkgPath == p || strings.HasPrefix(pkgPath, p+"/") {
			return false
		}
	}
	for _, suffix := range []string{"Input", "Output", "Options", "Attrs", "Metadata", "Option", "Error"} {
		if strings.HasSuffix(name, suffix) {
			return false
		}
	}
	return true
}

// typeThing is how messages name what decides where a value of type t
// sends: kindThing of its handle kind, but "its database" for an ORM's
// database handle (sdkDatabaseType), whose kind is its SDK's.
func typeThing(t types.Type) string {
	if sdkDatabaseType(t) {
		return kindThing(hSQL)
	}
	return kindThing(handleKindOf(t))
}

// sdkDatabaseType reports whether t is a database handle of a module of
// the table whose clients store, by its name: gorm's *gorm.DB, pgx's Tx,
// Conn and pgxpool's Pool, xorm's Engine and Session.
func sdkDatabaseType(t types.Type) bool {
	pkgPath, name := namedPath(t)
	switch name {
	case "DB", "Tx", "Conn", "Pool", "Engine", "Session":
		return sdkStoreModule(pkgPath)
	}
	return false
}

// handleKindOf names the kind of destination a client type stands for.
func handleKindOf(t types.Type) string {
	pkgPath, _ := namedPath(t)
	switch {
	case pkgPath == "database/sql":
		return hSQL
	case pkgPath == "net" || pkgPath == "crypto/tls":
		return hConn
	case pkgPath == "net/smtp":
		return hSMTP
	case strings.HasPrefix(pkgPath, "google.golang.org/grpc"):
		return hGRPC
	case strings.HasPrefix(pkgPath, "github.com/aws/"):
		return hAWSClient
	case strings.HasPrefix(pkgPath, "cloud.google.com/go/"):
		return hGCPClient
	case strings.HasPrefix(pkgPath, "github.com/Azure/"):
		return hAzure
	case sdkStoreModule(pkgPath):
		return hSaaSStore // a database's or an object store's client stores
	case sdkModule(pkgPath):
		return hSaaS
	}
	return "unknown"
}
