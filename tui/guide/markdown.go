package guide

import (
	"strings"
)

// The guide is written in a small part of Markdown, and this file reads
// exactly that part: "#", "##" and "###" headings, paragraphs, "- " and
// "1. " list items, "> " block quotes, **strong** and *emphasised* words.
// A general Markdown renderer (glamour) linked a syntax highlighter whose
// lexers and styles are parsed when any lumbar starts; the guide has no
// code to highlight. TestGuideUsesOnlyRenderedMarkdown holds the guide to
// this part.

// blockKind is what a block of the guide is.
type blockKind int

const (
	paragraphBlock blockKind = iota
	headingBlock
	listItemBlock
	quoteBlock
)

// block is one heading, paragraph, list item or quote, its lines joined.
type block struct {
	kind   blockKind
	level  int    // a heading's level, 1–3
	marker string // a list item's "•" or "3."
	text   string
	// tight: no blank line before it (the second item of a list onwards).
	tight bool
}

// parseBlocks splits a section's Markdown into blocks. A line that starts
// a heading, list item or quote starts a block; other lines continue the
// block before them; a blank line ends it.
func parseBlocks(markdown string) []block {
	var blocks []block
	open := false // whether a block is open to continuation lines
	for line := range strings.Lines(markdown) {
		line = strings.TrimRight(line, " \t\r\n")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			open = false
			continue
		}
		if b, ok := startBlock(trimmed); ok {
			prevItem := len(blocks) > 0 && blocks[len(blocks)-1].kind == listItemBlock
			b.tight = b.kind == listItemBlock && prevItem && open
			blocks = append(blocks, b)
			open = b.kind != headingBlock
			continue
		}
		if open {
			last := &blocks[len(blocks)-1]
			last.text += " " + strings.TrimPrefix(strings.TrimPrefix(trimmed, ">"), " ")
			continue
		}
		blocks = append(blocks, block{kind: paragraphBlock, text: trimmed})
		open = true
	}
	return blocks
}

// startBlock reads a line that opens a heading, a list item or a quote.
func startBlock(line string) (block, bool) {
	if level := headingLevel(line); level > 0 {
		return block{kind: headingBlock, level: level, text: strings.TrimSpace(line[level:])}, true
	}
	if text, ok := strings.CutPrefix(line, "- "); ok {
		return block{kind: listItemBlock, marker: "•", text: text}, true
	}
	if text, ok := strings.CutPrefix(line, "* "); ok {
		return block{kind: listItemBlock, marker: "•", text: text}, true
	}
	if number, text, ok := orderedItem(line); ok {
		return block{kind: listItemBlock, marker: number + ".", text: text}, true
	}
	if text, ok := strings.CutPrefix(line, ">"); ok {
		return block{kind: quoteBlock, text: strings.TrimSpace(text)}, true
	}
	return block{}, false
}

// headingLevel is 1–3 for "# ", "## ", "### ", else 0.
func headingLevel(line string) int {
	for level := 3; level >= 1; level-- {
		if strings.HasPrefix(line, strings.Repeat("#", level)+" ") {
			return level
		}
	}
	return 0
}

// orderedItem reads "12. text".
func orderedItem(line string) (number, text string, ok bool) {
	digits := len(line) - len(strings.TrimLeft(line, "0123456789"))
	if digits == 0 || digits > 3 || !strings.HasPrefix(line[digits:], ". ") {
		return "", "", false
	}
	return line[:digits], line[digits+2:], true
}

// inlineKind is how a run of text is drawn.
type inlineKind int

const (
	plainRun inlineKind = iota
	strongRun
	emphasisRun
)

// run is text drawn one way.
type run struct {
	kind inlineKind
	text string
}

// parseInline splits text at its "**" and "*" marks into runs. A mark
// with no partner, or with a space after it ("5 * 3"), is text.
func parseInline(text string) []run {
	var runs []run
	kind := plainRun
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			runs = append(runs, run{kind, cur.String()})
			cur.Reset()
		}
	}
	for i := 0; i < len(text); {
		mark, runKind := emphasisMark(text[i:])
		switch {
		case mark == "":
			cur.WriteByte(text[i])
			i++
			continue
		case kind == runKind: // the closing mark
			flush()
			kind = plainRun
		case kind == plainRun && opens(text[i+len(mark):], mark):
			flush()
			kind = runKind
		default:
			cur.WriteString(mark)
		}
		i += len(mark)
	}
	flush()
	return runs
}

// emphasisMark is the mark text starts with, if any.
func emphasisMark(text string) (string, inlineKind) {
	switch {
	case strings.HasPrefix(text, "**"):
		return "**", strongRun
	case strings.HasPrefix(text, "*"):
		return "*", emphasisRun
	}
	return "", plainRun
}

// opens tells whether a mark followed by rest opens a span: text follows
// it at once, and the same mark closes it later, right after text.
func opens(rest, mark string) bool {
	if rest == "" || rest[0] == ' ' {
		return false
	}
	for j := 1; j < len(rest); j++ {
		if strings.HasPrefix(rest[j:], mark) && rest[j-1] != ' ' {
			return true
		}
	}
	return false
}
