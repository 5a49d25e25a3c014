package cmdline

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Value is the value of a flag: Set parses the text given on the command
// line, String shows the current value, Type names the kind of value in
// help ("string", "uint", "bool"; a bool flag takes no argument).
type Value interface {
	String() string
	Set(string) error
	Type() string
}

// Flag is one flag of a FlagSet.
type Flag struct {
	Name      string // --name
	Shorthand string // -n, or ""
	Usage     string // help text; a `word` in backquotes names the value
	Value     Value
	DefValue  string // the default, as text
	Changed   bool   // set on the command line
	// NoOptDefVal is the value of the flag given with no argument
	// ("true" for bool flags); "" means it takes one.
	NoOptDefVal string
	Hidden      bool
}

// FlagSet is a set of flags, parsed the way spf13/pflag parses them (and so
// the way cobra commands always have): --name value, --name=value, -n value,
// -nvalue, -abc for several bool shorthands, flags anywhere among the
// arguments, and -- ending the flags.
type FlagSet struct {
	flags      map[string]*Flag
	shorthands map[byte]*Flag
	order      []*Flag
	args       []string
}

func (f *FlagSet) add(fl *Flag) {
	if f.flags == nil {
		f.flags = map[string]*Flag{}
		f.shorthands = map[byte]*Flag{}
	}
	if _, dup := f.flags[fl.Name]; dup {
		panic("cmdline: flag redefined: " + fl.Name)
	}
	f.flags[fl.Name] = fl
	if fl.Shorthand != "" {
		if len(fl.Shorthand) != 1 {
			panic("cmdline: shorthand is more than one character: " + fl.Shorthand)
		}
		f.shorthands[fl.Shorthand[0]] = fl
	}
	f.order = append(f.order, fl)
}

// Var defines a flag with a Value of its own.
func (f *FlagSet) Var(v Value, name, usage string) { f.VarP(v, name, "", usage) }

// VarP is Var with a shorthand.
func (f *FlagSet) VarP(v Value, name, shorthand, usage string) {
	fl := &Flag{Name: name, Shorthand: shorthand, Usage: usage, Value: v, DefValue: v.String()}
	if v.Type() == "bool" {
		fl.NoOptDefVal = "true"
	}
	f.add(fl)
}

// BoolVar defines a bool flag stored in p.
func (f *FlagSet) BoolVar(p *bool, name string, value bool, usage string) {
	f.BoolVarP(p, name, "", value, usage)
}

// BoolVarP is BoolVar with a shorthand.
func (f *FlagSet) BoolVarP(p *bool, name, shorthand string, value bool, usage string) {
	*p = value
	f.VarP((*boolValue)(p), name, shorthand, usage)
}

// StringVar defines a string flag stored in p.
func (f *FlagSet) StringVar(p *string, name, value, usage string) {
	f.StringVarP(p, name, "", value, usage)
}

// StringVarP is StringVar with a shorthand.
func (f *FlagSet) StringVarP(p *string, name, shorthand, value, usage string) {
	*p = value
	f.VarP((*stringValue)(p), name, shorthand, usage)
}

// Uint defines a uint flag and returns where it is stored.
func (f *FlagSet) Uint(name string, value uint, usage string) *uint {
	p := new(uint)
	*p = value
	f.VarP((*uintValue)(p), name, "", usage)
	return p
}

// Uint64Var defines a uint64 flag stored in p.
func (f *FlagSet) Uint64Var(p *uint64, name string, value uint64, usage string) {
	*p = value
	f.VarP((*uint64Value)(p), name, "", usage)
}

// Lookup returns the flag called name, or nil.
func (f *FlagSet) Lookup(name string) *Flag {
	if f == nil {
		return nil
	}
	return f.flags[name]
}

// Changed reports whether the flag called name was set on the command line.
func (f *FlagSet) Changed(name string) bool {
	fl := f.Lookup(name)
	return fl != nil && fl.Changed
}

// isTrue reports whether the bool flag called name was set to true.
func (f *FlagSet) isTrue(name string) bool {
	fl := f.Lookup(name)
	return fl != nil && fl.Changed && fl.Value.String() == "true"
}

// VisitAll calls fn for every flag, in name order.
func (f *FlagSet) VisitAll(fn func(*Flag)) {
	if f == nil {
		return
	}
	for _, fl := range f.sorted() {
		fn(fl)
	}
}

func (f *FlagSet) sorted() []*Flag {
	s := slices.Clone(f.order)
	slices.SortFunc(s, func(a, b *Flag) int { return strings.Compare(a.Name, b.Name) })
	return s
}

// HasFlags reports whether the set holds any flag that help shows.
func (f *FlagSet) HasFlags() bool {
	if f == nil {
		return false
	}
	for _, fl := range f.order {
		if !fl.Hidden {
			return true
		}
	}
	return false
}

// Args returns the arguments that are not flags, after Parse.
func (f *FlagSet) Args() []string { return f.args }

// NArg is len(Args()).
func (f *FlagSet) NArg() int { return len(f.args) }

// errHelp is what parsing -h or --help gives when no help flag is defined.
var errHelp = errors.New("help requested")

// Parse sets the flags found in args and keeps the other arguments (Args).
// Errors are worded as pflag words them.
func (f *FlagSet) Parse(args []string) error {
	f.args = f.args[:0]
	for len(args) > 0 {
		s := args[0]
		args = args[1:]
		if len(s) < 2 || s[0] != '-' {
			f.args = append(f.args, s)
			continue
		}
		if s == "--" {
			f.args = append(f.args, args...)
			return nil
		}
		var err error
		if s[1] == '-' {
			args, err = f.parseLong(s, args)
		} else {
			args, err = f.parseShort(s, args)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (f *FlagSet) parseLong(s string, args []string) ([]string, error) {
	name, value, hasValue := strings.Cut(s[2:], "=")
	if name == "" || name[0] == '-' || name[0] == '=' {
		return args, fmt.Errorf("bad flag syntax: %s", s)
	}
	fl := f.Lookup(name)
	if fl == nil {
		if name == "help" {
			return args, errHelp
		}
		return args, fmt.Errorf("unknown flag: --%s", name)
	}
	switch {
	case hasValue:
	case fl.NoOptDefVal != "":
		value = fl.NoOptDefVal
	case len(args) > 0:
		value, args = args[0], args[1:]
	default:
		return args, fmt.Errorf("flag needs an argument: %s", s)
	}
	return args, f.set(fl, value)
}

func (f *FlagSet) parseShort(s string, args []string) ([]string, error) {
	shorthands := s[1:]
	for len(shorthands) > 0 {
		c := shorthands[0]
		fl := f.shorthands[c]
		if fl == nil {
			if c == 'h' {
				return args, errHelp
			}
			return args, fmt.Errorf("unknown shorthand flag: %q in -%s", c, shorthands)
		}
		var value string
		switch {
		case len(shorthands) > 2 && shorthands[1] == '=':
			value, shorthands = shorthands[2:], ""
		case fl.NoOptDefVal != "":
			value, shorthands = fl.NoOptDefVal, shorthands[1:]
		case len(shorthands) > 1:
			value, shorthands = shorthands[1:], ""
		case len(args) > 0:
			value, args, shorthands = args[0], args[1:], ""
		default:
			return args, fmt.Errorf("flag needs an argument: %q in -%s", c, shorthands)
		}
		if err := f.set(fl, value); err != nil {
			return args, err
		}
	}
	return args, nil
}

func (f *FlagSet) set(fl *Flag, value string) error {
	if err := fl.Value.Set(value); err != nil {
		name := "--" + fl.Name
		if fl.Shorthand != "" {
			name = "-" + fl.Shorthand + ", --" + fl.Name
		}
		return fmt.Errorf("invalid argument %q for %q flag: %v", value, name, err)
	}
	fl.Changed = true
	return nil
}

// FlagUsages is the flags' help, one line each in name order, aligned as
// pflag aligns them:
//
//	-C, --chdir dir   run as if started in dir
//	    --dry-run     print a unified diff ...
func (f *FlagSet) FlagUsages() string {
	var lines []string
	maxlen := 0
	f.VisitAll(func(fl *Flag) {
		if fl.Hidden {
			return
		}
		line := "      --" + fl.Name
		if fl.Shorthand != "" {
			line = "  -" + fl.Shorthand + ", --" + fl.Name
		}
		varname, usage := unquoteUsage(fl)
		if varname != "" {
			line += " " + varname
		}
		if fl.NoOptDefVal != "" && fl.Value.Type() != "bool" {
			line += "[=" + fl.NoOptDefVal + "]"
		}
		line += "\x00"
		maxlen = max(maxlen, len(line))
		line += usage
		if !isZeroDefault(fl) {
			if fl.Value.Type() == "string" {
				line += fmt.Sprintf(" (default %q)", fl.DefValue)
			} else {
				line += fmt.Sprintf(" (default %s)", fl.DefValue)
			}
		}
		lines = append(lines, line)
	})
	var b strings.Builder
	for _, line := range lines {
		i := strings.IndexByte(line, 0)
		fmt.Fprintln(&b, line[:i], strings.Repeat(" ", maxlen-i), line[i+1:])
	}
	return b.String()
}

// unquoteUsage returns the name of the flag's value (the first `word` in
// backquotes in its usage, else its type) and the usage without the quotes.
func unquoteUsage(fl *Flag) (name, usage string) {
	usage = fl.Usage
	if i := strings.IndexByte(usage, '`'); i >= 0 {
		if j := strings.IndexByte(usage[i+1:], '`'); j >= 0 {
			name = usage[i+1 : i+1+j]
			return name, usage[:i] + name + usage[i+1+j+1:]
		}
	}
	switch name = fl.Value.Type(); name {
	case "bool":
		name = ""
	case "uint64":
		name = "uint"
	}
	return name, usage
}

func isZeroDefault(fl *Flag) bool {
	switch fl.Value.Type() {
	case "bool":
		return fl.DefValue == "false"
	case "string":
		return fl.DefValue == ""
	case "uint", "uint64", "int":
		return fl.DefValue == "0"
	}
	return fl.DefValue == "" || fl.DefValue == "0" || fl.DefValue == "false" || fl.DefValue == "[]"
}

type boolValue bool

func (b *boolValue) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	*b = boolValue(v)
	return nil
}
func (b *boolValue) String() string { return strconv.FormatBool(bool(*b)) }
func (b *boolValue) Type() string   { return "bool" }

type stringValue string

func (s *stringValue) Set(v string) error { *s = stringValue(v); return nil }
func (s *stringValue) String() string     { return string(*s) }
func (s *stringValue) Type() string       { return "string" }

type uintValue uint

func (u *uintValue) Set(s string) error {
	v, err := strconv.ParseUint(s, 0, strconv.IntSize)
	if err != nil {
		return err
	}
	*u = uintValue(v)
	return nil
}
func (u *uintValue) String() string { return strconv.FormatUint(uint64(*u), 10) }
func (u *uintValue) Type() string   { return "uint" }

type uint64Value uint64

func (u *uint64Value) Set(s string) error {
	v, err := strconv.ParseUint(s, 0, 64)
	if err != nil {
		return err
	}
	*u = uint64Value(v)
	return nil
}
func (u *uint64Value) String() string { return strconv.FormatUint(uint64(*u), 10) }
func (u *uint64Value) Type() string   { return "uint64" }
