package io.github.quayorgmirror.shipping;

import java.io.StringReader;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** The project version from pom.xml. */
final class ProjectVersion {
    private ProjectVersion() {
    }

    /** The version an image of this tree is tagged with: the project version without -SNAPSHOT. */
    static String release() {
        return projectVersion().replaceFirst("-SNAPSHOT$", "");
    }

    private static String projectVersion() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(ProjectTree.read("pom.xml"))))
                    .getDocumentElement();
            for (var child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element && "version".equals(element.getTagName())) {
                    return element.getTextContent().trim();
                }
            }
            throw new IllegalStateException("pom.xml has no project version");
        } catch (Exception e) {
            throw new IllegalStateException("cannot read pom.xml", e);
        }
    }
}
