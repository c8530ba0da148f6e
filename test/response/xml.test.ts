import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectLinear } from '../support/linear.js'
import { decodeXmlEntities, readXml } from '../../src/response/xml.js'
import { bodyishText } from '../arbitraries.js'

const read = (text: string): { root: string | null; elements: Array<[string, string]> } => {
  const { root, elements } = readXml(text)
  return { root, elements: [...elements] }
}

const OBS_ERROR = `<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>NoSuchBucket</Code>
  <Message>The specified bucket does not exist</Message>
  <RequestId>0000018A2B3C4D5E6F</RequestId>
  <HostId>ZXhhbXBsZQ==</HostId>
  <BucketName>my-bucket</BucketName>
</Error>`

const billionLaughs = (levels: number): string => {
  const entities = ['<!ENTITY lol0 "lol">']
  for (let i = 1; i <= levels; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`)
  return `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n ${entities.join('\n ')}\n]>\n<lolz><Code>&lol${levels};</Code></lolz>`
}

describe('readXml', () => {
  it('reads an OBS/S3 error body', () => {
    expect(read(OBS_ERROR)).toEqual({
      root: 'Error',
      elements: [
        ['Code', 'NoSuchBucket'],
        ['Message', 'The specified bucket does not exist'],
        ['RequestId', '0000018A2B3C4D5E6F'],
        ['HostId', 'ZXhhbXBsZQ=='],
        ['BucketName', 'my-bucket'],
      ],
    })
  })

  it('reads leaf elements only, the first of each name', () => {
    expect(read('<Errors><Error><Code>A</Code><Message>first</Message></Error><Error><Code>B</Code></Error></Errors>')).toEqual({
      root: 'Errors',
      elements: [
        ['Code', 'A'],
        ['Message', 'first'],
      ],
    })
  })

  it('strips namespace prefixes and ignores attributes', () => {
    const text =
      '<s3:Error xmlns:s3="http://s3.amazonaws.com/doc/2006-03-01/" a=\'x > y\'><s3:Code lang="en">AccessDenied</s3:Code><Message xml:lang="en">Access Denied</Message></s3:Error>'
    expect(read(text)).toEqual({
      root: 'Error',
      elements: [
        ['Code', 'AccessDenied'],
        ['Message', 'Access Denied'],
      ],
    })
  })

  it('decodes the predefined entities and character references', () => {
    expect(read('<E><M>a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#65;&#x42;&#x1F600;</M></E>').elements).toEqual([['M', 'a <b> & "c" \'d\' AB😀']])
  })

  it('keeps unknown entities and forbidden character references as they are', () => {
    expect(read('<E><M>&nbsp;&#0;&#xD800;&#x110000;&#12345678901; &amp</M></E>').elements).toEqual([['M', '&nbsp;&#0;&#xD800;&#x110000;&#12345678901; &amp']])
  })

  it('keeps CDATA verbatim and joins it with the surrounding text', () => {
    expect(read('<E><M>x <![CDATA[<b>&amp;</b> ]]]]> y</M></E>').elements).toEqual([['M', 'x <b>&amp;</b> ]] y']])
    expect(read('<E><M><![CDATA[unterminated &lt;').elements).toEqual([['M', 'unterminated &lt;']])
  })

  it('trims text and records empty leaves as ""', () => {
    expect(read('<Error>\n  <Code>\n    NoSuchKey\n  </Code>\n  <Resource/>\n  <Key></Key>\n</Error>')).toEqual({
      root: 'Error',
      elements: [
        ['Code', 'NoSuchKey'],
        ['Resource', ''],
        ['Key', ''],
      ],
    })
  })

  it('a root without children is a leaf', () => {
    expect(read('<Message>just this</Message>')).toEqual({ root: 'Message', elements: [['Message', 'just this']] })
  })

  it('skips comments, processing instructions and text outside elements', () => {
    expect(read('junk <!-- <Code>no</Code> --><?pi <Code>no</Code> ?><E><!-- c --><Code>yes</Code></E> trailing')).toEqual({
      root: 'E',
      elements: [['Code', 'yes']],
    })
  })

  it('ignores the DOCTYPE and its entities', () => {
    const text = '<!DOCTYPE Error [ <!ENTITY x "expanded"> <!-- ] > --> <!ENTITY y \'>\'> ]><Error><Code>&x;</Code><Message>&y;</Message></Error>'
    expect(read(text)).toEqual({
      root: 'Error',
      elements: [
        ['Code', '&x;'],
        ['Message', '&y;'],
      ],
    })
  })

  it('billion laughs is read cheaply and not expanded', () => {
    // Not expanded: the entity reference comes back as written, not as 10^9 "lol"s.
    const result = read(billionLaughs(9))
    expect(result).toEqual({ root: 'lolz', elements: [['Code', '&lol9;']] })
    expectLinear('nested entity definitions', (n) => billionLaughs(n), read, 4)
  })

  it('external entities are not fetched or expanded', () => {
    const text = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r><Code>&xxe;</Code></r>'
    expect(read(text).elements).toEqual([['Code', '&xxe;']])
  })

  it('closes unclosed elements at the end of the input', () => {
    expect(read('<Error><Code>NoSuchBucket</Code><Message>The specified')).toEqual({
      root: 'Error',
      elements: [
        ['Code', 'NoSuchBucket'],
        ['Message', 'The specified'],
      ],
    })
    expect(read('<Error><Code>X</Code><Message')).toEqual({
      root: 'Error',
      elements: [
        ['Code', 'X'],
        ['Message', ''],
      ],
    })
    expect(read('<Error><Code a="unterminated>X</Code></Error>')).toEqual({ root: 'Error', elements: [['Code', '']] })
  })

  it('a mismatched end tag closes the elements it skips; an unknown one is ignored', () => {
    expect(read('<a><b>x</a><c>y</c>')).toEqual({
      root: 'a',
      elements: [
        ['b', 'x'],
        ['c', 'y'],
      ],
    })
    expect(read('<a><b>x</z></b></a>')).toEqual({ root: 'a', elements: [['b', 'x']] })
  })

  it('a stray "<" is text', () => {
    expect(read('<E><M>1 < 2 and <3</M></E>').elements).toEqual([['M', '1 < 2 and <3']])
  })

  it('gives no root and no elements without an element', () => {
    expect(read('')).toEqual({ root: null, elements: [] })
    expect(read('plain text')).toEqual({ root: null, elements: [] })
    expect(read('<?xml version="1.0"?><!-- nothing -->')).toEqual({ root: null, elements: [] })
    expect(read(42 as unknown as string)).toEqual({ root: null, elements: [] })
  })

  it('is linear on adversarial input', () => {
    const cases: ReadonlyArray<readonly [string, (n: number) => string]> = [
      ['unclosed nesting', (n) => '<a>'.repeat(n) + '</b>'.repeat(n)],
      ['open attributes', (n) => '<a b="'.repeat(n / 2)],
      ['open doctypes', (n) => '<!DOCTYPE ['.repeat(n / 2)],
      ['character references', (n) => '&#x'.repeat(n)],
      ['open CDATA', (n) => '<![CDATA['.repeat(n / 2)],
      ['open comments', (n) => '<a><!--'.repeat(n / 2)],
      ['a long name', (n) => '<' + 'a'.repeat(3 * n)],
      ['a long attribute gap', (n) => '<a x=' + "'" + ' '.repeat(3 * n)],
    ]
    for (const [label, make] of cases) expectLinear(label, make, readXml, 12_500)
  })

  it('never throws', () => {
    fc.assert(
      fc.property(bodyishText, (text) => {
        const { root, elements } = readXml(text)
        expect(root === null || typeof root === 'string').toBe(true)
        for (const [name, value] of elements) {
          expect(typeof name).toBe('string')
          expect(typeof value).toBe('string')
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('reads back every leaf of a generated document', () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,8}$/)
    const value = fc.string({ unit: 'grapheme', maxLength: 20 })
    const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    fc.assert(
      fc.property(name, fc.uniqueArray(fc.tuple(name, value), { selector: ([n]) => n, maxLength: 6 }), (root, leaves) => {
        fc.pre(leaves.every(([n]) => n !== root))
        const text = `<?xml version="1.0"?><ns:${root} xmlns:ns="urn:x">${leaves.map(([n, v]) => `<${n}>${escape(v)}</${n}>`).join('')}</ns:${root}>`
        const expected = leaves.length === 0 ? [[root, '']] : leaves.map(([n, v]) => [n, v.trim()])
        expect(read(text)).toEqual({ root, elements: expected })
      }),
    )
  })
})

describe('decodeXmlEntities', () => {
  it('decodes the five predefined entities and numeric references', () => {
    expect(decodeXmlEntities('&lt;&gt;&amp;&quot;&apos;&#38;&#x26;&#X26;')).toBe('<>&"\'&&&#X26;')
  })

  it('does not decode twice', () => {
    expect(decodeXmlEntities('&amp;lt;')).toBe('&lt;')
  })

  it('keeps text without references and lone ampersands', () => {
    expect(decodeXmlEntities('a & b && c &; &#; &#x;')).toBe('a & b && c &; &#; &#x;')
    expect(decodeXmlEntities('plain')).toBe('plain')
  })
})
