package tfplan

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/repo"
)

// MaxPlanSize is the largest plan or state read, in bytes. The JSON of a
// plan holds every attribute of every resource, about a kilobyte each:
// 128 MiB is a configuration of a hundred thousand resources.
const MaxPlanSize = 128 << 20

// maxPlanSize is MaxPlanSize, smaller in tests.
var maxPlanSize int64 = MaxPlanSize

// document is the part of `terraform show -json` that is read: a plan
// (planned_values, resource_changes, prior_state, configuration, the root
// module's variables) or a state (values).
type document struct {
	FormatVersion   *string             `json:"format_version"`
	Variables       map[string]variable `json:"variables"`
	PlannedValues   *values             `json:"planned_values"`
	ResourceChanges []resourceChange    `json:"resource_changes"`
	PriorState      *state              `json:"prior_state"`
	Configuration   *configuration      `json:"configuration"`
	Values          *values             `json:"values"`
	// StateVersion is the "version" of a raw state file (terraform.tfstate),
	// which is not what terraform show -json writes.
	StateVersion json.RawMessage `json:"version"`

	// keys are the provider configuration keys of each configuration
	// module's resources, by address (providerKey).
	keys map[*configModule]map[string]string
}

type variable struct {
	Value json.RawMessage `json:"value"`
}

type state struct {
	Values *values `json:"values"`
}

// values is the values representation: the resources of a module and of
// its child modules, each with its attribute values.
type values struct {
	RootModule *module `json:"root_module"`
}

type module struct {
	Address      string     `json:"address"`
	Resources    []resource `json:"resources"`
	ChildModules []module   `json:"child_modules"`
}

type resource struct {
	Address string                     `json:"address"`
	Mode    string                     `json:"mode"`
	Type    string                     `json:"type"`
	Name    string                     `json:"name"`
	Values  map[string]json.RawMessage `json:"values"`
}

type resourceChange struct {
	Address       string `json:"address"`
	ModuleAddress string `json:"module_address"`
	Mode          string `json:"mode"`
	Type          string `json:"type"`
	Name          string `json:"name"`
	Change        struct {
		Actions []string                   `json:"actions"`
		After   map[string]json.RawMessage `json:"after"`
	} `json:"change"`
}

// configuration is the configuration representation: the modules as
// written, with the provider configurations of all of them.
type configuration struct {
	ProviderConfig map[string]providerConfig `json:"provider_config"`
	RootModule     *configModule             `json:"root_module"`
}

type providerConfig struct {
	Name          string                     `json:"name"`
	Alias         string                     `json:"alias"`
	ModuleAddress string                     `json:"module_address"`
	Expressions   map[string]json.RawMessage `json:"expressions"`
}

type configModule struct {
	Resources   []configResource      `json:"resources"`
	ModuleCalls map[string]moduleCall `json:"module_calls"`
}

type configResource struct {
	Address           string `json:"address"`
	Mode              string `json:"mode"`
	ProviderConfigKey string `json:"provider_config_key"`
}

type moduleCall struct {
	Source string        `json:"source"`
	Module *configModule `json:"module"`
}

// expression is the expression representation of one argument.
type expression struct {
	ConstantValue json.RawMessage `json:"constant_value"`
	References    []string        `json:"references"`
}

// parse decodes the JSON of a plan or state named name. A file that is not
// JSON, or not what terraform show -json writes, is an error at the line
// and column where the decoder stopped.
func parse(name string, src []byte) (*document, error) {
	if bytes.HasPrefix(src, []byte("PK\x03\x04")) {
		// A saved plan is a zip archive.
		return nil, diag.Errorf(name, 0, "a binary plan file: give the JSON that terraform show -json %s writes", name)
	}
	if err := repo.Text(name, src); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	var d document
	if err := dec.Decode(&d); err != nil {
		return nil, jsonError(name, src, err, int(dec.InputOffset()))
	}
	end := int(dec.InputOffset())
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		next := end + len(src[end:]) - len(bytes.TrimLeft(src[end:], " \t\r\n"))
		return nil, at(name, src, next, "more than one JSON value: not the output of terraform show -json")
	}
	if d.FormatVersion == nil && d.StateVersion != nil {
		return nil, diag.Errorf(name, 0, "a state file as Terraform keeps it, not the output of terraform show -json: give the JSON that terraform show -json writes for it")
	}
	if d.FormatVersion == nil {
		return nil, diag.Errorf(name, 0, "not the output of terraform show -json (no format_version)")
	}
	// "Reject any input which reports an unsupported major version": the
	// format is 0.x and 1.x to this day.
	major, _, _ := strings.Cut(*d.FormatVersion, ".")
	if n, err := strconv.Atoi(major); err != nil || n > 1 {
		return nil, diag.Errorf(name, 0, "format_version %q of terraform show -json is not supported (0.x and 1.x are)", *d.FormatVersion)
	}
	return &d, nil
}

// jsonError is a decoding error at its line and column.
func jsonError(name string, src []byte, err error, off int) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		// Offset is after the byte that is wrong.
		off = int(se.Offset) - 1
	case errors.As(err, &te):
		off = int(te.Offset) // after the value
		what := te.Field
		if what == "" {
			what = "the document"
		}
		return at(name, src, off, fmt.Sprintf("%s is a JSON %s, not what terraform show -json writes there", what, te.Value))
	case errors.Is(err, io.EOF):
		return diag.Errorf(name, 0, "empty: not the output of terraform show -json")
	}
	return at(name, src, off, strings.TrimPrefix(err.Error(), "json: "))
}

// at is an error at a byte offset of the file.
func at(name string, src []byte, off int, msg string) error {
	line, col := lineCol(src, off)
	return &diag.Diagnostic{Path: name, Line: line, Column: col, Msg: msg, ShowColumn: true}
}

// lineCol is the 1-based line and byte column of an offset.
func lineCol(src []byte, off int) (int, int) {
	off = min(max(off, 0), len(src))
	line := 1 + bytes.Count(src[:off], []byte{'\n'})
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return line, off - start + 1
}

// addressOffsets finds where each resource's object starts in the file:
// the offset of the first object holding an "address" key with that
// value. It is computed only when a resource cannot be found in the
// repository, whose position is then the plan's own.
func addressOffsets(src []byte) map[string]int {
	out := map[string]int{}
	dec := json.NewDecoder(bytes.NewReader(src))
	type frame struct {
		start  int
		object bool
		key    bool // the next token is a key
	}
	var stack []frame
	pendingAddr := -1 // the object whose "address" value comes next
	for {
		off := int(dec.InputOffset())
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		var top *frame
		if len(stack) > 0 {
			top = &stack[len(stack)-1]
		}
		isKey := top != nil && top.object && top.key
		if top != nil && top.object {
			top.key = !top.key
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				// The offset before a value may include a separator and
				// spaces: start at the delimiter itself.
				start := off + bytes.IndexByte(src[off:], byte(t))
				stack = append(stack, frame{start: start, object: t == '{', key: true})
			case '}', ']':
				stack = stack[:len(stack)-1]
				if len(stack) > 0 && stack[len(stack)-1].object {
					// The closed value was a member's value: a key follows.
					stack[len(stack)-1].key = true
				}
			}
			pendingAddr = -1
		case string:
			if isKey {
				pendingAddr = -1
				if t == "address" {
					pendingAddr = top.start
				}
				continue
			}
			if pendingAddr >= 0 {
				if _, ok := out[t]; !ok {
					out[t] = pendingAddr
				}
			}
			pendingAddr = -1
		default:
			pendingAddr = -1
		}
	}
}
