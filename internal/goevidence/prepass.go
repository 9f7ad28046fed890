package goevidence

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// fn is a function declaration of the package (function literals inside it
// share its state: they see the same variables), or the package's
// initialisation (package-level variable initialisers).
type fn struct {
	obj  *types.Func // nil for initialisation
	name string      // for messages: "Send", "Store.Save"
	// ins are the inputs: the receiver first (for a method), then the
	// parameters. Vals refer to them by index.
	ins     []*types.Var
	index   map[*types.Var]int
	returns []*ast.ReturnStmt // not those of function literals
	results []*types.Var      // the results, named or not
	// external is set when the function can be called from where this
	// package cannot see (it is exported, or used as a value): its inputs
	// are not only what this package passes.
	external bool
	// facts is set when other packages may call it statically, so that
	// facts about it are worth exporting.
	facts     bool
	generated bool
}

// litParam is a parameter of a function literal: the literal, and the
// parameter's position.
type litParam struct {
	lit   *ast.FuncLit
	index int
}

// litArg is a call given a function literal, and the argument's position.
type litArg struct {
	cs  callSite
	arg int
}

type assignKind int

const (
	aPlain  assignKind = iota
	aAppend            // s += x
	aRange             // for k, v := range x
	aHole              // flag.StringVar(&v, "url", ...): v holds text not known statically
)

// assign is one value stored into a variable or field, or (in mutations)
// into a part of a variable.
type assign struct {
	fn    *fn
	expr  ast.Expr
	tuple int // >= 0: the element of a tuple-valued expression
	kind  assignKind
	hole  string // for aHole
	field string // in mutations: the field of the variable set directly ("Region")
	// callee, in mutations recorded at a call (a setter given an
	// argument, a function given the variable by address), is the
	// function called: from and into are the inputs of it that the
	// value is (from) and that the variable is (into), receiver first.
	// Where the callee's writes are known (writesInto), a write it does
	// not make is not one.
	callee     *types.Func
	from, into int
	// via, in mutations: the field of the variable that the write is
	// into, directly or deeper (Sender of m.Sender = ip, Header of
	// m.Header.X = y): what it writes flows into that field only.
	via string
	// binds, in mutations: the call binds the variable to the endpoint it
	// returns (client.SetBaseURL(u) as a statement).
	binds bool
	// region, in mutations and fields: the call is a region setter of
	// sdks.tsv that moves the variable's client (client.SetRegion("ie1")),
	// or with setter, expr is the value of a region field the row names
	// (client.Region = "ie1").
	region bool
	setter *sdkRow
	// cond: the assignment or call is in the body of an if, switch,
	// select or loop (a region setter there may not run).
	cond bool
	// key, with keyed, in fields: the value is set by a composite literal
	// that is the element of a map literal under this constant key
	// (options{"DATABASE_URL": {value: "..."}}): see fieldValAt.
	key   string
	keyed bool
}

type callSite struct {
	fn     *fn
	call   *ast.CallExpr
	callee *types.Func // the static callee, if any
}

// pkgState is everything the analysis of one package knows.
type pkgState struct {
	pass   *analysis.Pass
	info   *types.Info
	pt     personalTypes
	fns    map[*types.Func]*fn
	initFn *fn
	// local are the calls that reach a destination of the local machine
	// (an SQLite file, a Unix socket): no site, and no note of the
	// inputs that hold the same connection (mergeNotes).
	local map[token.Pos]bool

	assigns   map[*types.Var][]assign     // variables (local and package-level)
	fields    map[*types.Var][]assign     // fields of this package's struct types
	mutations map[*types.Var][]assign     // values stored into parts of a variable
	aliases   map[*types.Var][]*types.Var // w wraps buf: what is written to w reaches buf
	litParams map[*types.Var]bool         // parameters of function literals
	// litParamOf is the literal and position of each such parameter, and
	// litArgOf the call a literal is given to as an argument
	// (db.InTx(ctx, func(tx pgx.Tx) error {...})): callbackVal.
	litParamOf map[*types.Var]litParam
	litArgOf   map[*ast.FuncLit]litArg
	// chanSends are the values sent on the channel a call returns
	// (sarama's p.Input() <- msg): what the call sends.
	chanSends map[*ast.CallExpr][]ast.Expr
	calls     map[*types.Func][]callSite // static calls of this package's functions
	allCalls  []callSite                 // every call, in source order
	callsIn   map[*fn][]callSite         // the calls inside each function
	creates   []callSite                 // bucket and dataset creations
	called    map[*ast.Ident]bool        // identifiers that are the callee of a call
	escapes   map[*types.Func]bool       // functions used other than as a callee (computed on demand)

	memo      map[ast.Expr]Val
	busy      map[ast.Expr]bool
	tupleMemo map[*ast.CallExpr][]Val
	varMemo   map[*types.Var]Val
	varBusy   map[*types.Var]bool
	fieldMemo map[*types.Var]Val
	fieldBusy map[*types.Var]bool
	// litKeys are the constant keys of the composite literals that are
	// elements of map literals; keyedMemo the values of fields read under
	// one key (fieldValAt).
	litKeys   map[*ast.CompositeLit]string
	keyedMemo map[fieldKey]Val
	sumMemo   map[*types.Func][]Val
	sumBusy   map[*types.Func]bool
	// writesMemo is writesInto's, by function; a nil entry is a
	// function being computed, or whose writes are not known.
	writesMemo map[*types.Func][]uint64
	argMemo    map[*fn][]Val
	argBusy    map[*fn]bool
	regMemo    []registration
	regDone    bool
	dbTypes    map[*types.TypeName]bool // databaseType, by type

	symMemo  map[*fn][]symCandidate
	symBusy  map[*fn]bool
	sinkMemo map[*fn][]Sink

	// The budget (budget.go): constants' declarations and lengths, and
	// the steps taken against the limit.
	consts    map[*types.Const]ast.Expr
	constMemo map[*types.Const]int64
	constBusy map[*types.Const]bool
	steps     int64
	stepLimit int64
	over      bool // the limit was reached

	inTest bool // the prepass is walking a _test.go file
	// conds are the bodies (start, end) of the if, switch, select and
	// loop statements the prepass is inside: a region setter there may
	// not run, so it adds a host rather than replacing the default.
	conds [][2]token.Pos
	// helpers are the calls of this package's functions that call a
	// region setter on an input, and what they set by input (nil until
	// first asked).
	helpers *regionHelpers
	// impls finds the module's implementations of its interfaces
	// (impls.go; nil until first asked).
	impls *impls

	sites []Site
	sinks map[*types.Func][]Sink
}

func newPkgState(pass *analysis.Pass) *pkgState {
	return &pkgState{
		pass:       pass,
		info:       pass.TypesInfo,
		pt:         personalTypes{memo: map[*types.TypeName]bool{}, infra: isInfra},
		fns:        map[*types.Func]*fn{},
		initFn:     &fn{name: "package initialisation", index: map[*types.Var]int{}},
		assigns:    map[*types.Var][]assign{},
		fields:     map[*types.Var][]assign{},
		mutations:  map[*types.Var][]assign{},
		aliases:    map[*types.Var][]*types.Var{},
		litParams:  map[*types.Var]bool{},
		litParamOf: map[*types.Var]litParam{},
		litArgOf:   map[*ast.FuncLit]litArg{},
		chanSends:  map[*ast.CallExpr][]ast.Expr{},
		calls:      map[*types.Func][]callSite{},
		callsIn:    map[*fn][]callSite{},
		symMemo:    map[*fn][]symCandidate{},
		local:      map[token.Pos]bool{},
		symBusy:    map[*fn]bool{},
		sinkMemo:   map[*fn][]Sink{},
		consts:     map[*types.Const]ast.Expr{},
		constMemo:  map[*types.Const]int64{},
		constBusy:  map[*types.Const]bool{},
		called:     map[*ast.Ident]bool{},
		memo:       map[ast.Expr]Val{},
		busy:       map[ast.Expr]bool{},
		tupleMemo:  map[*ast.CallExpr][]Val{},
		varMemo:    map[*types.Var]Val{},
		varBusy:    map[*types.Var]bool{},
		fieldMemo:  map[*types.Var]Val{},
		fieldBusy:  map[*types.Var]bool{},
		litKeys:    map[*ast.CompositeLit]string{},
		keyedMemo:  map[fieldKey]Val{},
		sumMemo:    map[*types.Func][]Val{},
		sumBusy:    map[*types.Func]bool{},
		writesMemo: map[*types.Func][]uint64{},
		argMemo:    map[*fn][]Val{},
		argBusy:    map[*fn]bool{},
		sinks:      map[*types.Func][]Sink{},
	}
}

// prepass walks the package once, recording every assignment, call and
// return, so that values can later be computed on demand.
//
// It walks the syntax itself rather than through the inspect pass: the
// analysis runs on every dependency (for facts), and an inspector built for
// each, the standard library included, would cost more than the walk of
// the few packages it reads.
func (s *pkgState) prepass() {
	cur := s.initFn
	var curEnd token.Pos
	var lits []token.Pos // ends of the function literals we are inside
	generated := false
	var nodes int64
	visit := func(n ast.Node) bool {
		if n == nil {
			return false
		}
		nodes++
		if cur != s.initFn && n.Pos() >= curEnd {
			cur = s.initFn
		}
		for len(lits) > 0 && n.Pos() >= lits[len(lits)-1] {
			lits = lits[:len(lits)-1]
		}
		s.enterCond(n)
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body == nil {
				return false
			}
			s.conds = s.conds[:0]
			cur, curEnd = s.newFn(n, generated), n.End()
		case *ast.FuncLit:
			lits = append(lits, n.End())
			if sig, ok := s.info.TypeOf(n).(*types.Signature); ok {
				for i := 0; i < sig.Params().Len(); i++ {
					s.litParams[sig.Params().At(i)] = true
					s.litParamOf[sig.Params().At(i)] = litParam{lit: n, index: i}
				}
			}
		case *ast.AssignStmt:
			switch {
			case n.Tok == token.DEFINE || n.Tok == token.ASSIGN:
				if len(n.Lhs) == len(n.Rhs) {
					for i := range n.Lhs {
						s.assignTo(cur, n.Lhs[i], n.Rhs[i], -1, aPlain)
					}
				} else if len(n.Rhs) == 1 {
					for i := range n.Lhs {
						s.assignTo(cur, n.Lhs[i], n.Rhs[0], i, aPlain)
					}
				}
			case len(n.Lhs) == 1 && len(n.Rhs) == 1:
				s.assignTo(cur, n.Lhs[0], n.Rhs[0], -1, aAppend)
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i := range n.Names {
					s.assignTo(cur, n.Names[i], n.Values[i], -1, aPlain)
				}
			} else if len(n.Values) == 1 {
				for i := range n.Names {
					s.assignTo(cur, n.Names[i], n.Values[0], i, aPlain)
				}
			}
		case *ast.RangeStmt:
			if n.Key != nil {
				s.assignTo(cur, n.Key, n.X, -1, aRange)
			}
			if n.Value != nil {
				s.assignTo(cur, n.Value, n.X, -1, aRange)
			}
		case *ast.ReturnStmt:
			if cur != s.initFn && len(lits) == 0 {
				cur.returns = append(cur.returns, n)
			}
		case *ast.SendStmt:
			if c, ok := ast.Unparen(n.Chan).(*ast.CallExpr); ok {
				s.chanSends[c] = append(s.chanSends[c], n.Value) // p.Input() <- msg
			}
		case *ast.CallExpr:
			s.bindLitArgs(cur, n)
			s.recordCall(cur, n)
		case *ast.CompositeLit:
			s.recordMapKeys(n)
			s.recordComposite(cur, n)
		case *ast.DeclStmt:
			if g, ok := n.Decl.(*ast.GenDecl); ok {
				s.recordConsts(g) // those of the package: exportConstFacts
			}
		}
		return true
	}
	for _, file := range s.pass.Files {
		generated = isGenerated(file)
		s.inTest = s.isTestPos(file.Pos())
		cur, lits = s.initFn, lits[:0]
		ast.Inspect(file, visit)
	}
	s.inTest = false
	s.dispatchCalls()
	s.stepLimit = stepsBase + stepsPerNode*nodes
}

// record reports whether what the file being walked stores into obj, or
// passes to it, counts: a test file's values (a fixture's URL, a fake
// server's address) never decide where the code it tests sends data.
func (s *pkgState) record(obj types.Object) bool {
	return !s.inTest || s.isTestPos(obj.Pos())
}

// isTestPos reports whether a position is in a _test.go file.
func (s *pkgState) isTestPos(p token.Pos) bool {
	f := s.pass.Fset.File(p)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// external reports whether f can be called from where this package cannot
// see: it is exported, or used other than as a callee (a method value, a
// handler passed to http.HandleFunc).
func (s *pkgState) external(f *fn) bool {
	if f.external || f.obj == nil {
		return f.external
	}
	if s.escapes == nil {
		s.escapes = map[*types.Func]bool{}
		for id, obj := range s.info.Uses {
			if g, ok := obj.(*types.Func); ok && g.Pkg() == s.pass.Pkg && !s.called[id] {
				s.escapes[g] = true
			}
		}
	}
	return s.escapes[f.obj]
}

func (s *pkgState) newFn(decl *ast.FuncDecl, generated bool) *fn {
	obj, _ := s.info.Defs[decl.Name].(*types.Func)
	f := &fn{obj: obj, name: decl.Name.Name, index: map[*types.Var]int{}, generated: generated}
	if obj == nil {
		return f
	}
	sig := obj.Type().(*types.Signature)
	if recv := sig.Recv(); recv != nil {
		f.name = recvTypeName(recv.Type()) + "." + f.name
		f.index[recv] = len(f.ins)
		f.ins = append(f.ins, recv)
	}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		f.index[p] = len(f.ins)
		f.ins = append(f.ins, p)
	}
	for i := 0; i < sig.Results().Len(); i++ {
		f.results = append(f.results, sig.Results().At(i))
	}
	f.external = obj.Exported()
	f.facts = obj.Exported()
	s.fns[obj] = f
	return f
}

// recvTypeName names a receiver's type without package or pointer: "Store".
func recvTypeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return types.TypeString(t, func(*types.Package) string { return "" })
}

// assignTo records that rhs (or its tuple element) is stored into lhs.
func (s *pkgState) assignTo(f *fn, lhs, rhs ast.Expr, tuple int, kind assignKind) {
	a := assign{fn: f, expr: rhs, tuple: tuple, kind: kind, cond: s.conditional(rhs.Pos())}
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if l.Name == "_" {
			return
		}
		obj := s.info.Defs[l]
		if obj == nil {
			obj = s.info.Uses[l]
		}
		if v, ok := obj.(*types.Var); ok && !v.IsField() {
			if s.record(v) {
				s.assigns[v] = append(s.assigns[v], a)
			}
			if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
				s.recordAliases(v, call)
			}
		}
	case *ast.SelectorExpr:
		if sel := s.info.Selections[l]; sel != nil && sel.Kind() == types.FieldVal {
			if fv, ok := sel.Obj().(*types.Var); ok {
				s.recordRegionField(f, l, fv, rhs, tuple)
			}
			if fv, ok := sel.Obj().(*types.Var); ok && fv.Pkg() == s.pass.Pkg {
				if s.record(fv) {
					s.fields[fv] = append(s.fields[fv], a)
				}
			}
			if root := s.rootVar(l.X); root != nil {
				m := a
				if id, ok := ast.Unparen(l.X).(*ast.Ident); ok && s.info.Uses[id] == root {
					m.field = l.Sel.Name
				}
				m.via = s.topField(l, root)
				if s.record(root) {
					s.mutations[root] = append(s.mutations[root], m)
				}
			}
		}
	case *ast.IndexExpr:
		if root := s.rootVar(l.X); root != nil {
			if s.record(root) {
				s.mutations[root] = append(s.mutations[root], a)
			}
		}
	case *ast.StarExpr:
		if root := s.rootVar(l.X); root != nil {
			if s.record(root) {
				s.mutations[root] = append(s.mutations[root], a)
			}
		}
	}
}

// rootVar is the variable an lvalue-like expression is part of: v for
// v.F.G, v[k], *v, &v.
func (s *pkgState) rootVar(e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			obj := s.info.Uses[x]
			if obj == nil {
				obj = s.info.Defs[x]
			}
			v, _ := obj.(*types.Var)
			if v != nil && v.IsField() {
				return nil
			}
			return v
		case *ast.SelectorExpr:
			sel := s.info.Selections[x]
			if sel == nil || sel.Kind() != types.FieldVal {
				return nil
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return nil
			}
			e = x.X
		default:
			return nil
		}
	}
}

// recordAliases notes that v wraps what the call that creates it writes
// into: w := gzip.NewWriter(&buf), enc := json.NewEncoder(&buf),
// part := mw.CreateFormFile(...).
func (s *pkgState) recordAliases(v *types.Var, call *ast.CallExpr) {
	for _, arg := range call.Args {
		if r := s.writerRoot(arg); r != nil && r != v {
			if s.record(v) {
				s.aliases[v] = append(s.aliases[v], r)
			}
		}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if x := s.info.Selections[sel]; x != nil && x.Kind() == types.MethodVal {
			if r := s.rootVar(sel.X); r != nil && r != v && writerLike(s.info.TypeOf(sel.X)) {
				if s.record(v) {
					s.aliases[v] = append(s.aliases[v], r)
				}
			}
		}
	}
}

// inbound method names read data in rather than send it out.
func inbound(name string) bool {
	for _, p := range []string{"Decode", "Unmarshal", "Scan", "Read", "Recv", "Get", "Lookup", "Load", "Receive", "Next"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

func (s *pkgState) recordCall(f *fn, call *ast.CallExpr) {
	callee := typeutil.Callee(s.info, call)
	fobj, _ := callee.(*types.Func)
	cs := callSite{f, call, fobj}
	s.allCalls = append(s.allCalls, cs)
	s.recordLitArgs(cs)
	s.callsIn[f] = append(s.callsIn[f], cs)
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		s.called[fun] = true
	case *ast.SelectorExpr:
		s.called[fun.Sel] = true
	case *ast.IndexExpr:
		if id, ok := ast.Unparen(fun.X).(*ast.Ident); ok {
			s.called[id] = true
		}
	}
	if b, ok := callee.(*types.Builtin); ok {
		if b.Name() == "copy" && len(call.Args) == 2 {
			if r := s.rootVar(call.Args[0]); r != nil {
				if s.record(r) {
					s.mutations[r] = append(s.mutations[r], assign{fn: f, expr: call.Args[1], tuple: -1})
				}
			}
		}
		return
	}
	if fobj != nil && fobj.Pkg() == s.pass.Pkg {
		if s.record(fobj) {
			s.calls[fobj] = append(s.calls[fobj], cs)
		}
	}
	key := ""
	if fobj != nil && fobj.Pkg() != nil {
		switch p := fobj.Pkg().Path(); {
		case p == "flag", p == "cloud.google.com/go/storage", p == "cloud.google.com/go/bigquery", strings.HasSuffix(p, "/pflag"):
			key = funcKey(fobj)
		}
	}
	switch {
	case key == "cloud.google.com/go/storage.BucketHandle.Create" || key == "cloud.google.com/go/bigquery.Dataset.Create":
		if !s.inTest {
			s.creates = append(s.creates, cs)
		}
	case flagVar(key) && len(call.Args) >= 2:
		if r := s.rootVar(call.Args[0]); r != nil {
			name := "a flag"
			{
				if n, ok := s.constText(call.Args[1]); ok {
					name = "flag -" + clip(n)
				}
			}
			if s.record(r) {
				s.assigns[r] = append(s.assigns[r], assign{fn: f, kind: aHole, hole: name, tuple: -1})
			}
		}
		return
	}
	s.recordWrites(f, call)
}

// recordLitArgs records the function literals a call is given (litArgOf).
func (s *pkgState) recordLitArgs(cs callSite) {
	for i, arg := range cs.call.Args {
		if lit, ok := ast.Unparen(arg).(*ast.FuncLit); ok {
			s.litArgOf[lit] = litArg{cs: cs, arg: i}
		}
	}
}

// bindLitArgs records the arguments of a call of a function literal (one
// called where it is written, or through the variable it is assigned to:
// appendValue := func(column string, value any) { args = append(args,
// value) }) as assignments to its parameters, so that what the literal
// stores into the variables it captures carries what its calls give it.
func (s *pkgState) bindLitArgs(f *fn, call *ast.CallExpr) {
	var lits []*ast.FuncLit
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.FuncLit:
		lits = append(lits, fun)
	case *ast.Ident:
		if v, ok := s.info.Uses[fun].(*types.Var); ok {
			for _, a := range s.assigns[v] {
				if lit, ok := ast.Unparen(a.expr).(*ast.FuncLit); ok && a.tuple < 0 {
					lits = append(lits, lit)
				}
			}
		}
	}
	for _, lit := range lits {
		sig, ok := s.info.TypeOf(lit).(*types.Signature)
		if !ok {
			continue
		}
		n := sig.Params().Len()
		if sig.Variadic() && !call.Ellipsis.IsValid() {
			n-- // the variadic arguments are a slice built here: not followed
		}
		for i, arg := range call.Args {
			if i >= n {
				break
			}
			if p := sig.Params().At(i); s.record(p) {
				s.assigns[p] = append(s.assigns[p], assign{fn: f, expr: arg, tuple: -1})
			}
		}
	}
}

// recordBinds records client.SetBaseURL(u) called as a statement: the
// client is bound to the endpoint the call returns.
// A region setter called on a client (client.SetRegion("ie1")) moves it.
func (s *pkgState) recordBinds(f *fn, call *ast.CallExpr, sel *ast.SelectorExpr, m types.Object) {
	fm, ok := m.(*types.Func)
	if !ok {
		return
	}
	_, region := regionSetter(fm)
	if !region && !bindsEndpoint(fm) {
		return
	}
	if region {
		// s.client.SetRegion("ie1"): the field of this package's struct
		// holds the moved client, whichever value of the struct it is.
		if x, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok {
			if xs := s.info.Selections[x]; xs != nil && xs.Kind() == types.FieldVal {
				if fv, ok := xs.Obj().(*types.Var); ok && fv.Pkg() == s.pass.Pkg && s.record(fv) {
					s.fields[fv] = append(s.fields[fv], assign{fn: f, expr: call, tuple: -1, region: true, cond: s.conditional(call.Pos())})
				}
			}
		}
	}
	for _, r := range s.writeTargets(sel.X, 0) {
		if s.record(r) {
			s.mutations[r] = append(s.mutations[r], assign{fn: f, expr: call, tuple: -1, binds: !region, region: region, cond: s.conditional(call.Pos())})
		}
	}
}

// flagVar reports whether a function stores a command-line flag into its
// first argument (flag.StringVar(&v, "url", ...)).
func flagVar(key string) bool {
	pkg, name := splitKey(key)
	if !(pkg == "flag" || strings.HasSuffix(pkg, "/pflag") || pkg == "flag.FlagSet" || strings.HasSuffix(pkg, "/pflag.FlagSet")) {
		return false
	}
	return strings.HasSuffix(name, "Var") || strings.HasSuffix(name, "VarP")
}

// splitKey splits "net/http.Client.Do" into "net/http.Client" and "Do".
func splitKey(key string) (string, string) {
	i := strings.LastIndex(key, ".")
	if i < 0 {
		return "", key
	}
	return key[:i], key[i+1:]
}

// recordComposite records the fields a composite literal of one of this
// package's struct types sets.
func (s *pkgState) recordComposite(f *fn, lit *ast.CompositeLit) {
	t := s.info.TypeOf(lit)
	if t == nil {
		return
	}
	st, _ := structOf(t)
	if st == nil {
		return
	}
	for i, elt := range lit.Elts {
		var fv *types.Var
		val := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			fv, _ = s.info.Uses[id].(*types.Var)
			val = kv.Value
		} else if i < st.NumFields() {
			fv = st.Field(i)
		}
		if fv != nil && fv.Pkg() == s.pass.Pkg {
			if s.record(fv) {
				key, keyed := s.litKeys[lit]
				s.fields[fv] = append(s.fields[fv], assign{fn: f, expr: val, tuple: -1, key: key, keyed: keyed})
			}
		}
	}
}

// funcKey names a function for the knowledge tables: "net/http.Post",
// "net/http.Client.Do", "google.golang.org/grpc.ClientConnInterface.Invoke".
func funcKey(f *types.Func) string {
	if f.Pkg() == nil {
		return f.Name()
	}
	return f.Pkg().Path() + "." + methodName(f)
}

// methodName names a function within its package: "Post", "Client.Do";
// "?.M" for a method whose receiver has no name.
func methodName(f *types.Func) string {
	sig, _ := f.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return n.Obj().Name() + "." + f.Name()
		}
		return "?." + f.Name()
	}
	return f.Name()
}
