package nl.noordoostpolder.ivb.post;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A small XML file (sitemap, feed) written the same way on every build: UTF-8, one element per line with two-space
 * indentation, attributes in the order given. The JDK's StAX writer does the escaping; this class only adds the
 * layout, so that the files are readable and byte-identical for identical content.
 * <p>
 * Not thread-safe; use one instance per file.
 */
final class XmlFile {

    private final StringWriter buffer = new StringWriter(16 * 1024);
    private final XMLStreamWriter xml;
    /** For each open element: whether it has child elements (then its end tag goes on its own line). */
    private final Deque<boolean[]> open = new ArrayDeque<>();

    XmlFile(String rootName, String namespace, String... rootAttributes) {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement(rootName);
            xml.writeDefaultNamespace(namespace);
            attributes(rootAttributes);
            open.push(new boolean[] {false});
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens a child element; close it with {@link #end()}. */
    XmlFile start(String name, String... attributes) {
        try {
            newLine();
            xml.writeStartElement(name);
            attributes(attributes);
            open.push(new boolean[] {false});
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** A child element holding only text. */
    XmlFile text(String name, String text, String... attributes) {
        try {
            newLine();
            xml.writeStartElement(name);
            attributes(attributes);
            xml.writeCharacters(text);
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** A child element without content, such as Atom's {@code <link href="..."/>}. */
    XmlFile empty(String name, String... attributes) {
        try {
            newLine();
            xml.writeEmptyElement(name);
            attributes(attributes);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    XmlFile end() {
        try {
            boolean hasChildren = open.pop()[0];
            if (hasChildren) {
                xml.writeCharacters("\n" + "  ".repeat(open.size()));
            }
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Closes the root element and writes the file. */
    void writeTo(Path file) throws IOException {
        try {
            while (!open.isEmpty()) {
                end();
            }
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        Files.writeString(file, buffer + "\n", StandardCharsets.UTF_8);
    }

    private void newLine() throws XMLStreamException {
        open.peek()[0] = true;
        xml.writeCharacters("\n" + "  ".repeat(open.size()));
    }

    private void attributes(String... pairs) throws XMLStreamException {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].startsWith("xml:")) {
                xml.writeAttribute("xml", XMLConstants.XML_NS_URI, pairs[i].substring(4), pairs[i + 1]);
            } else {
                xml.writeAttribute(pairs[i], pairs[i + 1]);
            }
        }
    }
}
