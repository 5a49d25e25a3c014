package cli

// Exports for the external tests (package cli_test), which may import
// internal/huhpick: the picker imports this package, so these tests cannot
// live in it.
var (
	TestFactory = testFactory
	RunWith     = runWith
)

const (
	ExitOK       = exitOK
	ExitCanceled = exitCanceled
)
