module example.com/go-guard-demo

go 1.22

require (
	github.com/google/uuid v1.6.0
	rsc.io/quote v1.5.2
)

require (
	golang.org/x/text v0.3.7 // indirect
	rsc.io/sampler v1.3.0 // indirect
)

replace (
	// The build tools, from a directory no checksum covers.
	example.com/go-guard-demo/tools => ./tools
	// A newer text module, pinned by a replace no reviewer allowed.
	golang.org/x/text => golang.org/x/text v0.3.8
)
