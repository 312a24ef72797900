module example.com/go-guard-demo/tools

go 1.22
