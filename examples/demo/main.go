// Command demo is a small Go program whose go.mod, go.sum and go.work break go-guard's rules
// on purpose; see README.md beside it.
package main

import (
	"fmt"

	"github.com/google/uuid"
	"rsc.io/quote"
)

func main() {
	fmt.Println(quote.Hello(), uuid.NewString())
}
