package tfplan

import (
	"encoding/json"
	"fmt"
	"strings"
)

// configModule returns the configuration of the module reached through
// calls, or nil when the plan has none (a state) or does not hold it.
func (d *document) configModule(calls []string) *configModule {
	if d.Configuration == nil {
		return nil
	}
	m := d.Configuration.RootModule
	for _, c := range calls {
		if m == nil {
			return nil
		}
		mc, ok := m.ModuleCalls[c]
		if !ok {
			return nil
		}
		m = mc.Module
	}
	return m
}

// callSource is the source of a module call as the configuration has it,
// or "".
func (d *document) callSource(calls []string) string {
	if len(calls) == 0 {
		return ""
	}
	parent := d.configModule(calls[:len(calls)-1])
	if parent == nil {
		return ""
	}
	return parent.ModuleCalls[calls[len(calls)-1]].Source
}

// providerRegion is the region the provider configuration of a resource
// instance sets, as the configuration section gives it: a constant, or a
// root module variable whose value the plan holds. why says what was
// found instead when there is no region.
func (d *document) providerRegion(in instance, provider string) (region, via, why string) {
	if d.Configuration == nil {
		return "", "", ""
	}
	key := d.providerKey(in)
	var keys []string
	if key != "" {
		keys = append(keys, key)
		if mod, name, ok := strings.Cut(key, ":"); ok && !strings.HasPrefix(mod, "module.") {
			// Older versions of Terraform wrote "child:aws".
			keys = append(keys, "module."+mod+":"+name)
		}
	}
	keys = append(keys, provider)
	for _, k := range keys {
		pc, ok := d.Configuration.ProviderConfig[k]
		if !ok {
			continue
		}
		name := pc.Name
		if pc.Alias != "" {
			name += "." + pc.Alias
		}
		raw, ok := pc.Expressions["region"]
		if !ok {
			return "", "", ""
		}
		var e expression
		if json.Unmarshal(raw, &e) != nil {
			return "", "", ""
		}
		var s string
		if len(e.ConstantValue) > 0 && json.Unmarshal(e.ConstantValue, &s) == nil && s != "" {
			return s, "provider " + name, ""
		}
		for _, ref := range e.References {
			v, ok := strings.CutPrefix(ref, "var.")
			if !ok || pc.ModuleAddress != "" {
				continue
			}
			if pv, ok := d.Variables[v]; ok && json.Unmarshal(pv.Value, &s) == nil && s != "" {
				return s, fmt.Sprintf("provider %s, var.%s = %q", name, v, s), ""
			}
		}
		if len(e.References) > 0 {
			return "", "", fmt.Sprintf("the region of provider %s comes from %s", name, strings.Join(e.References, ", "))
		}
		return "", "", ""
	}
	return "", "", ""
}

// providerKey is the provider_config_key the configuration gives a
// resource, or "". Each module's resources are indexed once, so that a
// plan of many resources is read in linear time.
func (d *document) providerKey(in instance) string {
	m := d.configModule(in.calls)
	if m == nil {
		return ""
	}
	if d.keys == nil {
		d.keys = map[*configModule]map[string]string{}
	}
	keys, ok := d.keys[m]
	if !ok {
		keys = map[string]string{}
		for _, r := range m.Resources {
			if r.Mode == "managed" {
				keys[r.Address] = r.ProviderConfigKey
			}
		}
		d.keys[m] = keys
	}
	return keys[in.local()]
}
